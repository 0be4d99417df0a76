using MedGrpc.Core.Model;
using MedGrpc.Core.Resources;
namespace MedGrpc.Core.Ports;

/// <summary>
/// Jobs waiting for a worker, first come first served. Embedded: a channel in this process.
/// Scale-out: the job table itself, claimed with a lease so a job whose replica dies is run again.
/// </summary>
public interface IJobQueue
{
    /// <summary>Puts back the work the last process left QUEUED or IN_PROGRESS; called once before the workers start.</summary>
    Task RecoverAsync(CancellationToken ct);

    /// <summary>A job was stored QUEUED: wake a worker. Never waits.</summary>
    void Enqueue(ResourceKey job);

    /// <summary>Waits for a job this worker may run; the worker holds it until it disposes the claim.</summary>
    Task<JobClaim> TakeAsync(CancellationToken ct);
}
