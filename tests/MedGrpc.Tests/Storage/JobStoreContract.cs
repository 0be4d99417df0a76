using MedGrpc.Core.Errors;
using MedGrpc.Core.Model;
using MedGrpc.Core.Ports;
using MedGrpc.Core.Resources;
using MedGrpc.Tests.Validation;

namespace MedGrpc.Tests.Storage;

/// <summary>What every job store promises; each store's test class runs these against the real thing.</summary>
public abstract class JobStoreContract : IAsyncLifetime
{
    private IJobStore _store = null!;
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private const string Account = "111122223333";
    private const string OtherAccount = "444455556666";

    /// <summary>A store over empty storage of its own.</summary>
    protected abstract Task<IJobStore> CreateAsync();

    /// <summary>A second store over the same storage, as after a restart or on another replica.</summary>
    protected abstract IJobStore Reopen();

    public virtual async Task InitializeAsync() => _store = await CreateAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    private static ResourceKey Key(string name) => new(Account, name);

    private static Job NewJob(string name, int minute, JobStatus status = JobStatus.Queued, string account = Account) => new()
    {
        AccountId = account,
        Request = ValidRequests.Start() with { MedicalTranscriptionJobName = name },
        Status = status,
        CreationTime = T0.AddMinutes(minute),
    };

    [Fact]
    public async Task A_job_reads_back_as_it_was_stored()
    {
        var job = NewJob("visit", 0) with { StartTime = T0, FailureReason = "x", Request = ValidRequests.Start() with { MedicalTranscriptionJobName = "visit", Tags = [new JobTag("a", "")] } };
        await _store.TryInsertAsync(job, default);
        var read = await _store.GetAsync(Key("visit"), default);
        Assert.NotNull(read);
        Assert.Equal(job.Request.Tags, read.Request.Tags);
        Assert.Equal(job with { Request = read.Request }, read);
    }

    [Fact]
    public async Task A_second_job_of_the_same_name_is_not_stored()
    {
        Assert.True(await _store.TryInsertAsync(NewJob("visit", 0), default));
        Assert.False(await _store.TryInsertAsync(NewJob("visit", 1), default));
    }

    [Fact]
    public async Task Names_are_case_sensitive()
    {
        Assert.True(await _store.TryInsertAsync(NewJob("visit", 0), default));
        Assert.True(await _store.TryInsertAsync(NewJob("Visit", 1), default));
    }

    [Fact]
    public async Task Jobs_survive_a_new_store_on_the_same_data_dir()
    {
        await _store.TryInsertAsync(NewJob("visit", 0), default);
        Assert.NotNull(await Reopen().GetAsync(Key("visit"), default));
    }

    [Fact]
    public async Task List_returns_newest_first_five_by_default_with_a_cursor_for_the_rest()
    {
        for (var i = 0; i < 7; i++) await _store.TryInsertAsync(NewJob($"job-{i}", i), default);
        var first = await _store.ListAsync(Account, new JobQuery(null, null, null, null), null, default);
        Assert.Equal(["job-6", "job-5", "job-4", "job-3", "job-2"], first.Items.Select(j => j.Name));
        Assert.NotNull(first.Next);
        var second = await _store.ListAsync(Account, new JobQuery(null, null, null, null), first.Next, default);
        Assert.Equal(["job-1", "job-0"], second.Items.Select(j => j.Name));
        Assert.Null(second.Next);
    }

    [Fact]
    public async Task Jobs_created_at_the_same_instant_page_by_name_without_loss_or_repeat()
    {
        foreach (var name in new[] { "b", "a", "c" }) await _store.TryInsertAsync(NewJob(name, 0), default);
        var first = await _store.ListAsync(Account, new JobQuery(null, null, null, 2), null, default);
        var second = await _store.ListAsync(Account, new JobQuery(null, null, null, 2), first.Next, default);
        Assert.Equal(["c", "b", "a"], first.Items.Concat(second.Items).Select(j => j.Name));
    }

    [Fact]
    public async Task List_filters_by_status()
    {
        await _store.TryInsertAsync(NewJob("done", 0, JobStatus.Completed), default);
        await _store.TryInsertAsync(NewJob("waiting", 1), default);
        var page = await _store.ListAsync(Account, new JobQuery("COMPLETED", null, null, null), null, default);
        Assert.Equal(["done"], page.Items.Select(j => j.Name));
    }

    [Fact]
    public async Task List_filters_by_name_ignoring_case()
    {
        await _store.TryInsertAsync(NewJob("Cardio-Visit", 0), default);
        await _store.TryInsertAsync(NewJob("dictation", 1), default);
        var page = await _store.ListAsync(Account, new JobQuery(null, "cardio", null, null), null, default);
        Assert.Equal(["Cardio-Visit"], page.Items.Select(j => j.Name));
    }

    [Fact]
    public async Task Unfinished_jobs_are_the_queued_and_in_progress_ones_oldest_first()
    {
        await _store.TryInsertAsync(NewJob("b-running", 1, JobStatus.InProgress), default);
        await _store.TryInsertAsync(NewJob("a-queued", 2), default);
        await _store.TryInsertAsync(NewJob("c-done", 0, JobStatus.Completed), default);
        await _store.TryInsertAsync(NewJob("d-failed", 3, JobStatus.Failed), default);
        Assert.Equal(["b-running", "a-queued"], (await _store.ListUnfinishedAsync(default)).Select(j => j.Name));
    }

    [Fact]
    public async Task Delete_removes_the_record()
    {
        await _store.TryInsertAsync(NewJob("visit", 0), default);
        Assert.True(await _store.DeleteAsync(Key("visit"), default));
        Assert.Null(await _store.GetAsync(Key("visit"), default));
        Assert.False(await _store.DeleteAsync(Key("visit"), default));
    }

    [Fact]
    public async Task A_job_takes_new_versions_until_it_ends()
    {
        var job = NewJob("visit", 0);
        await _store.TryInsertAsync(job, default);
        Assert.True(await _store.UpdateAsync(job with { Status = JobStatus.InProgress, ProgressPercent = 40 }, default));
        Assert.Equal(40, (await _store.GetAsync(Key("visit"), default))!.ProgressPercent);
    }

    [Fact]
    public async Task A_job_that_has_ended_takes_no_new_version()
    {
        var job = NewJob("visit", 0);
        await _store.TryInsertAsync(job, default);
        Assert.True(await _store.UpdateAsync(job with { Status = JobStatus.Completed, TranscriptFileUri = "s3://out/first.json" }, default));
        Assert.False(await _store.UpdateAsync(job with { Status = JobStatus.Failed, FailureReason = "late" }, default));
        Assert.False(await Reopen().UpdateAsync(job with { Status = JobStatus.InProgress }, default));
        var stored = await _store.GetAsync(Key("visit"), default);
        Assert.Equal(JobStatus.Completed, stored!.Status);
        Assert.Equal("s3://out/first.json", stored.TranscriptFileUri);
    }

    [Fact]
    public async Task A_deleted_job_takes_no_new_version()
    {
        var job = NewJob("visit", 0);
        await _store.TryInsertAsync(job, default);
        await _store.DeleteAsync(Key("visit"), default);
        Assert.False(await _store.UpdateAsync(job with { Status = JobStatus.InProgress }, default));
        Assert.Null(await _store.GetAsync(Key("visit"), default));
    }

    [Fact]
    public async Task Queued_and_in_progress_jobs_are_counted_as_unfinished()
    {
        await _store.TryInsertAsync(NewJob("queued", 0), default);
        await _store.TryInsertAsync(NewJob("running", 1, JobStatus.InProgress), default);
        await _store.TryInsertAsync(NewJob("done", 2, JobStatus.Completed), default);
        Assert.Equal(2, await _store.CountUnfinishedAsync(default));
    }

    [Fact]
    public async Task Jobs_are_counted_by_status_over_all_accounts()
    {
        await _store.TryInsertAsync(NewJob("queued", 0), default);
        await _store.TryInsertAsync(NewJob("queued-elsewhere", 1, account: OtherAccount), default);
        await _store.TryInsertAsync(NewJob("done", 2, JobStatus.Completed), default);
        var counts = await _store.CountByStatusAsync(default);
        Assert.Equal(new Dictionary<string, int> { ["QUEUED"] = 2, ["COMPLETED"] = 1 }, counts);
    }

    [Fact]
    public async Task Ended_jobs_created_before_the_cutoff_are_deleted_and_no_others()
    {
        await _store.TryInsertAsync(NewJob("old-done", 0, JobStatus.Completed), default);
        await _store.TryInsertAsync(NewJob("old-failed", 1, JobStatus.Failed), default);
        await _store.TryInsertAsync(NewJob("old-running", 2, JobStatus.InProgress), default);
        await _store.TryInsertAsync(NewJob("new-done", 20, JobStatus.Completed), default);
        var deleted = await _store.DeleteEndedBeforeAsync(T0.AddMinutes(10), default);
        Assert.Equal([Key("old-done"), Key("old-failed")], deleted.OrderBy(k => k.Name));
        Assert.NotNull(await _store.GetAsync(Key("old-running"), default));
        Assert.NotNull(await _store.GetAsync(Key("new-done"), default));
        Assert.Null(await _store.GetAsync(Key("old-done"), default));
    }

    [Fact]
    public async Task Two_accounts_may_each_have_a_job_of_the_same_name()
    {
        Assert.True(await _store.TryInsertAsync(NewJob("visit", 0), default));
        Assert.True(await _store.TryInsertAsync(NewJob("visit", 1, account: OtherAccount), default));
        Assert.Equal(T0, (await _store.GetAsync(Key("visit"), default))!.CreationTime);
        Assert.Equal(T0.AddMinutes(1), (await _store.GetAsync(new ResourceKey(OtherAccount, "visit"), default))!.CreationTime);
    }

    [Fact]
    public async Task A_job_is_not_found_under_another_account()
    {
        await _store.TryInsertAsync(NewJob("visit", 0), default);
        Assert.Null(await _store.GetAsync(new ResourceKey(OtherAccount, "visit"), default));
        Assert.False(await _store.DeleteAsync(new ResourceKey(OtherAccount, "visit"), default));
        Assert.False(await _store.UpdateAsync(NewJob("visit", 0, JobStatus.InProgress, OtherAccount), default));
        Assert.Equal(JobStatus.Queued, (await _store.GetAsync(Key("visit"), default))!.Status);
    }

    [Fact]
    public async Task List_shows_only_the_accounts_own_jobs()
    {
        await _store.TryInsertAsync(NewJob("mine", 0), default);
        await _store.TryInsertAsync(NewJob("theirs", 1, account: OtherAccount), default);
        var page = await _store.ListAsync(Account, new JobQuery(null, null, null, null), null, default);
        Assert.Equal(["mine"], page.Items.Select(j => j.Name));
    }

    [Fact]
    public async Task A_job_keeps_its_account()
    {
        await _store.TryInsertAsync(NewJob("visit", 0, account: OtherAccount), default);
        Assert.Equal(OtherAccount, (await Reopen().GetAsync(new ResourceKey(OtherAccount, "visit"), default))!.AccountId);
    }
}
