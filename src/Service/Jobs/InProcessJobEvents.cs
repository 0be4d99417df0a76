using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading.Channels;

namespace MedGrpc.Service.Jobs;

/// <summary>
/// Job versions fanned out to watchers in this process. Each watcher has its own unbounded
/// channel: a job publishes a few dozen versions at most, so a slow watcher costs little
/// memory and never holds the job back, and it misses no transition.
/// </summary>
public sealed class InProcessJobEvents : IJobEvents
{
    private readonly ConcurrentDictionary<string, ImmutableList<Channel<Job>>> _watchers = new(StringComparer.Ordinal);

    public void Publish(Job job)
    {
        if (!_watchers.TryGetValue(job.Name, out var channels)) return;
        foreach (var channel in channels)
        {
            channel.Writer.TryWrite(job);
            if (job.Status.IsTerminal()) channel.Writer.TryComplete();
        }
    }

    public JobSubscription Subscribe(string jobName)
    {
        var channel = Channel.CreateUnbounded<Job>(new UnboundedChannelOptions { SingleReader = true });
        _watchers.AddOrUpdate(jobName, _ => [channel], (_, list) => list.Add(channel));
        return new JobSubscription(channel.Reader, () => Unsubscribe(jobName, channel));
    }

    private void Unsubscribe(string jobName, Channel<Job> channel)
    {
        channel.Writer.TryComplete();
        while (_watchers.TryGetValue(jobName, out var list))
        {
            var updated = list.Remove(channel);
            if (updated.IsEmpty
                ? _watchers.TryRemove(new KeyValuePair<string, ImmutableList<Channel<Job>>>(jobName, list))
                : _watchers.TryUpdate(jobName, updated, list))
                return;
        }
    }

    public bool IsWatched(string jobName) => _watchers.ContainsKey(jobName);

    public IReadOnlyList<string> WatchedJobs => [.. _watchers.Keys];

    public int WatcherCount => _watchers.Values.Sum(list => list.Count);
}
