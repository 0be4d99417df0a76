using System.Threading.Channels;
using MedGrpc.Core.Model;
using MedGrpc.Core.Ports;
using MedGrpc.Core.Resources;

namespace MedGrpc.Storage.Embedded;

/// <summary>
/// The embedded queue: job keys in a channel. One process owns the store, so recovery at start is
/// simply queueing again every job the last process left unfinished.
/// </summary>
public sealed class InProcessJobQueue(IJobStore store, ILogger<InProcessJobQueue> log) : IJobQueue
{
    private readonly Channel<ResourceKey> _jobs = Channel.CreateUnbounded<ResourceKey>();

    public async Task RecoverAsync(CancellationToken ct)
    {
        var unfinished = await store.ListUnfinishedAsync(ct);
        foreach (var job in unfinished) Enqueue(job.Key);
        if (unfinished.Count > 0) log.LogInformation("Recovered {JobCount} unfinished jobs", unfinished.Count);
    }

    public void Enqueue(ResourceKey job) => _jobs.Writer.TryWrite(job);

    public async Task<JobClaim> TakeAsync(CancellationToken ct) => JobClaim.Unleased(await _jobs.Reader.ReadAsync(ct));
}
