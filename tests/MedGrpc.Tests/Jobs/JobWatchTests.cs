using MedGrpc.Core.Errors;
using MedGrpc.Core.Jobs;
using MedGrpc.Core.Model;
using MedGrpc.Core.Resources;
using MedGrpc.Tests.Support;

namespace MedGrpc.Tests.Jobs;

/// <summary>WatchJob's core: the stored version first, then each newer one, to the end.</summary>
public sealed class JobWatchTests : IDisposable
{
    private readonly JobsInProcess _jobs = new();

    public void Dispose() => _jobs.Dispose();

    private JobWatch Watch() => new(_jobs.Store, _jobs.Events);

    [Fact]
    public async Task A_watcher_sees_the_current_version_then_each_change_and_stops_at_the_end()
    {
        var job = await _jobs.CreateAsync("visit-42");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var seen = new List<(JobStatus Status, int Percent, string? Stage)>();
        var watching = Task.Run(async () =>
        {
            await foreach (var version in Watch().WatchAsync(job.Key, timeout.Token))
            {
                lock (seen) seen.Add((version.Status, version.ProgressPercent, version.Stage));
            }
        });
        await WaitUntilAsync(() => _jobs.Events.IsWatched(job.Key));

        job = await _jobs.Lifecycle.BeginAsync(job, default);
        job = await _jobs.Lifecycle.ReportProgressAsync(job, JobStages.Recognize, 40, default);
        await _jobs.Lifecycle.CompleteAsync(job, "s3://transcripts/visit-42.json", "wav", 16000, default);
        await watching;

        Assert.Equal(JobStatus.Queued, seen[0].Status);
        Assert.Equal((JobStatus.Completed, 100, JobStages.Completed), (seen[^1].Status, seen[^1].Percent, seen[^1].Stage));
        Assert.Contains(seen, v => v == (JobStatus.InProgress, 40, JobStages.Recognize));
        Assert.False(_jobs.Events.IsWatched(job.Key)); // the subscription ends with the stream
    }

    [Fact]
    public async Task A_finished_job_is_one_version_and_done()
    {
        var job = await _jobs.CreateAsync("visit-43");
        await _jobs.Lifecycle.FailAsync(await _jobs.Lifecycle.BeginAsync(job, default),
            new JobFailure(JobFailureKind.UnsupportedMediaFormat, "Unsupported media format"), default);

        var seen = await Watch().WatchAsync(job.Key, default).ToListAsync();

        Assert.Equal(JobStatus.Failed, Assert.Single(seen).Status);
    }

    [Fact]
    public async Task Versions_older_than_the_snapshot_are_skipped()
    {
        var job = await _jobs.CreateAsync("visit-44");
        job = await _jobs.Lifecycle.BeginAsync(job, default);
        job = await _jobs.Lifecycle.ReportProgressAsync(job, JobStages.Recognize, 60, default);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var stream = Watch().WatchAsync(job.Key, timeout.Token).GetAsyncEnumerator(timeout.Token);
        Assert.True(await stream.MoveNextAsync());
        Assert.Equal(60, stream.Current.ProgressPercent);

        _jobs.Events.Publish(job with { ProgressPercent = 30 }); // late news of an earlier version
        await _jobs.Lifecycle.CompleteAsync(job, "s3://transcripts/visit-44.json", null, null, default);

        Assert.True(await stream.MoveNextAsync());
        Assert.Equal(JobStatus.Completed, stream.Current.Status);
        Assert.False(await stream.MoveNextAsync());
        await stream.DisposeAsync();
    }

    [Fact]
    public async Task An_unknown_job_is_not_found()
    {
        var e = await Assert.ThrowsAsync<ServiceException>(async () =>
            await Watch().WatchAsync(new ResourceKey(JobsInProcess.Account, "nobody"), default).ToListAsync());
        Assert.Equal(ServiceException.JobNotFound().Error, e.Error); // AWS's BadRequest, "couldn't be found"
        Assert.Equal(ServiceException.JobNotFound().Message, e.Message);
    }

    [Fact]
    public async Task A_bad_job_name_is_a_bad_request()
    {
        var e = await Assert.ThrowsAsync<ServiceException>(async () =>
            await Watch().WatchAsync(new ResourceKey(JobsInProcess.Account, "no spaces"), default).ToListAsync());
        Assert.Equal(AwsError.BadRequestException, e.Error);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 600 && !condition(); i++) await Task.Delay(50);
        Assert.True(condition());
    }
}
