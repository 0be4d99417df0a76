using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading.Channels;
using MedGrpc.Core.Model;
using MedGrpc.Core.Ports;
using MedGrpc.Core.Resources;

namespace MedGrpc.Core.Jobs;

/// <summary>
/// Job versions fanned out to watchers in this process. Each watcher has its own unbounded
/// channel: a job publishes a few dozen versions at most, so a slow watcher costs little
/// memory and never holds the job back, and it misses no transition.
/// </summary>
public sealed class InProcessJobEvents : IJobEvents
{
    private readonly ConcurrentDictionary<ResourceKey, ImmutableList<Channel<Job>>> _watchers = new();

    public void Publish(Job job)
    {
        if (!_watchers.TryGetValue(job.Key, out var channels)) return;
        foreach (var channel in channels)
        {
            channel.Writer.TryWrite(job);
            if (job.Status.IsTerminal()) channel.Writer.TryComplete();
        }
    }

    public JobSubscription Subscribe(ResourceKey job)
    {
        var channel = Channel.CreateUnbounded<Job>(new UnboundedChannelOptions { SingleReader = true });
        _watchers.AddOrUpdate(job, _ => [channel], (_, list) => list.Add(channel));
        return new JobSubscription(channel.Reader, () => Unsubscribe(job, channel));
    }

    private void Unsubscribe(ResourceKey job, Channel<Job> channel)
    {
        channel.Writer.TryComplete();
        while (_watchers.TryGetValue(job, out var list))
        {
            var updated = list.Remove(channel);
            if (updated.IsEmpty
                ? _watchers.TryRemove(new KeyValuePair<ResourceKey, ImmutableList<Channel<Job>>>(job, list))
                : _watchers.TryUpdate(job, updated, list))
                return;
        }
    }

    public bool IsWatched(ResourceKey job) => _watchers.ContainsKey(job);

    public IReadOnlyList<ResourceKey> WatchedJobs => [.. _watchers.Keys];

    public int WatcherCount => _watchers.Values.Sum(list => list.Count);
}
