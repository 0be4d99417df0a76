using MedGrpc.Core.Jobs;
using MedGrpc.Core.Model;
using MedGrpc.Core.Resources;
using MedGrpc.Storage.Embedded;
using MedGrpc.Tests.Support;
using MedGrpc.Tests.Validation;
using Microsoft.Extensions.Logging.Abstractions;

namespace MedGrpc.Tests.Jobs;

public sealed class JobRetentionTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly TempDataDir _dir = new();
    private readonly SqliteJobStore _jobs;
    private readonly SqliteTagStore _tags;
    private readonly ResourceArns _arns;
    private const string Account = "000000000000";

    public JobRetentionTests()
    {
        var database = new SqliteDatabase(_dir.Options);
        _jobs = new SqliteJobStore(database);
        _tags = new SqliteTagStore(database);
        _arns = new ResourceArns(_dir.Options);
    }

    public void Dispose() => _dir.Dispose();

    private async Task AddAsync(string name, double daysAgo, JobStatus status)
    {
        await _jobs.TryInsertAsync(new Job
        {
            AccountId = Account,
            Request = ValidRequests.Start() with { MedicalTranscriptionJobName = name },
            Status = status,
            CreationTime = Now.AddDays(-daysAgo),
        }, default);
        await _tags.SetAsync(_arns.Job(Key(name)), [new JobTag("clinic", "north")], default);
    }

    private static ResourceKey Key(string name) => new(Account, name);

    private JobRetention Retention() =>
        new(_jobs, _tags, _arns, new FixedClock(Now), _dir.Options, NullLogger<JobRetention>.Instance);

    [Fact]
    public async Task Finished_jobs_older_than_ninety_days_are_deleted_with_their_tags()
    {
        await AddAsync("expired", 91, JobStatus.Completed);
        Assert.Equal([Key("expired")], await Retention().SweepAsync(default));
        Assert.Null(await _jobs.GetAsync(Key("expired"), default));
        Assert.Empty(await _tags.ListAsync(_arns.Job(Key("expired")), default));
    }

    [Fact]
    public async Task Jobs_within_ninety_days_are_kept()
    {
        await AddAsync("recent", 89, JobStatus.Failed);
        Assert.Empty(await Retention().SweepAsync(default));
        Assert.NotNull(await _jobs.GetAsync(Key("recent"), default));
    }

    [Fact]
    public async Task An_unfinished_job_is_never_deleted()
    {
        await AddAsync("stuck", 200, JobStatus.Queued);
        Assert.Empty(await Retention().SweepAsync(default));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
