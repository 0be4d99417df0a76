using System.Threading.Channels;
using MedGrpc.Service.Storage;

namespace MedGrpc.Service.Jobs;

/// <summary>
/// The embedded queue: job names in a channel. One process owns the store, so recovery at start is
/// simply queueing again every job the last process left unfinished.
/// </summary>
public sealed class InProcessJobQueue(IJobStore store, ILogger<InProcessJobQueue> log) : IJobQueue
{
    private readonly Channel<string> _names = Channel.CreateUnbounded<string>();

    public async Task RecoverAsync(CancellationToken ct)
    {
        var unfinished = await store.ListUnfinishedAsync(ct);
        foreach (var job in unfinished) Enqueue(job.Name);
        if (unfinished.Count > 0) log.LogInformation("Recovered {JobCount} unfinished jobs", unfinished.Count);
    }

    public void Enqueue(string jobName) => _names.Writer.TryWrite(jobName);

    public async Task<JobClaim> TakeAsync(CancellationToken ct) => JobClaim.Unleased(await _names.Reader.ReadAsync(ct));
}
