using MedGrpc.Core.Jobs;
using MedGrpc.Core.Model;
using MedGrpc.Core.Resources;

namespace MedGrpc.Tests.Jobs;

/// <summary>The embedded fan-out of job versions to watchers (and, under PostgreSQL's notifications, the scale-out one).</summary>
public sealed class InProcessJobEventsTests
{
    private static readonly ResourceKey Key = new("000000000000", "visit-42");

    private static Job Version(JobStatus status, int percent = 0) => new()
    {
        AccountId = Key.AccountId,
        Request = new JobRequest { MedicalTranscriptionJobName = Key.Name },
        Status = status,
        CreationTime = DateTimeOffset.UnixEpoch,
        ProgressPercent = percent,
    };

    [Fact]
    public async Task Every_watcher_gets_every_version_published_after_it_subscribed_and_the_terminal_one_ends_it()
    {
        var events = new InProcessJobEvents();
        events.Publish(Version(JobStatus.Queued)); // nobody watches yet: dropped, and no error
        using var first = events.Subscribe(Key);
        using var second = events.Subscribe(Key);
        events.Publish(Version(JobStatus.InProgress, 5));
        events.Publish(Version(JobStatus.InProgress, 50));
        events.Publish(Version(JobStatus.Completed, 100));
        events.Publish(Version(JobStatus.Completed, 100)); // after the end: the channels are complete

        foreach (var subscription in new[] { first, second })
        {
            var seen = await subscription.Reader.ReadAllAsync().Select(j => (j.Status, j.ProgressPercent)).ToListAsync();
            Assert.Equal([(JobStatus.InProgress, 5), (JobStatus.InProgress, 50), (JobStatus.Completed, 100)], seen);
        }
    }

    [Fact]
    public void A_watcher_that_leaves_is_forgotten()
    {
        var events = new InProcessJobEvents();
        var first = events.Subscribe(Key);
        var second = events.Subscribe(Key);
        Assert.Equal(2, events.WatcherCount);
        Assert.True(events.IsWatched(Key));

        first.Dispose();
        Assert.Equal(1, events.WatcherCount);
        Assert.True(first.Reader.Completion.IsCompleted);
        second.Dispose();
        Assert.Equal(0, events.WatcherCount);
        Assert.False(events.IsWatched(Key));
        Assert.Empty(events.WatchedJobs);
    }

    [Fact]
    public async Task Versions_of_other_jobs_do_not_reach_a_watcher()
    {
        var events = new InProcessJobEvents();
        using var subscription = events.Subscribe(Key);
        events.Publish(Version(JobStatus.InProgress) with { Request = new JobRequest { MedicalTranscriptionJobName = "other" } });
        events.Publish(Version(JobStatus.InProgress) with { AccountId = "111111111111" });
        events.Publish(Version(JobStatus.Failed));

        var seen = await subscription.Reader.ReadAllAsync().ToListAsync();
        Assert.Equal(Key, Assert.Single(seen).Key);
    }
}
