using System.Runtime.CompilerServices;
using MedGrpc.Core.Errors;
using MedGrpc.Core.Model;
using MedGrpc.Core.Ports;
using MedGrpc.Core.Resources;
using MedGrpc.Core.Validation;

namespace MedGrpc.Core.Jobs;

/// <summary>
/// A job's versions for one watcher: the current one at once, then each later one, ending with
/// the terminal version. Subscribing before reading the store means no change can fall between.
/// </summary>
public sealed class JobWatch(IJobStore store, IJobEvents events)
{
    public async IAsyncEnumerable<Job> WatchAsync(ResourceKey job, [EnumeratorCancellation] CancellationToken ct)
    {
        RequestValidator.ValidateJobName(job.Name);
        using var subscription = events.Subscribe(job);
        var current = await store.GetAsync(job, ct) ?? throw ServiceException.JobNotFound();
        yield return current;
        if (current.Status.IsTerminal()) yield break;

        await foreach (var next in subscription.Reader.ReadAllAsync(ct))
        {
            if (!IsNewer(next, current)) continue; // published before the snapshot was read
            current = next;
            yield return current;
            if (current.Status.IsTerminal()) yield break;
        }
    }

    private static bool IsNewer(Job next, Job current) =>
        next.Status > current.Status
        || (next.Status == current.Status && next.ProgressPercent > current.ProgressPercent)
        || (next.Status == current.Status && next.ProgressPercent == current.ProgressPercent && next.Stage != current.Stage);
}
