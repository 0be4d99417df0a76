using System.Threading.Channels;
using MedGrpc.Core.Model;
using MedGrpc.Core.Resources;

namespace MedGrpc.Core.Ports;

/// <summary>
/// Publishes each new version of a job to its watchers. Embedded: in-process channels.
/// Publishing never waits for a watcher.
/// </summary>
public interface IJobEvents
{
    void Publish(Job job);

    /// <summary>Starts receiving the job's versions published from now on; dispose to stop.</summary>
    JobSubscription Subscribe(ResourceKey job);

    /// <summary>How many watchers of this process are subscribed (WatchJob streams open).</summary>
    int WatcherCount { get; }
}

public sealed class JobSubscription(ChannelReader<Job> reader, Action unsubscribe) : IDisposable
{
    public ChannelReader<Job> Reader { get; } = reader;

    public void Dispose() => unsubscribe();
}
