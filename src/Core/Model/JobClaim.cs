using MedGrpc.Core.Resources;

namespace MedGrpc.Core.Model;

/// <summary>
/// A worker's hold on one job. <see cref="Lost"/> is cancelled when the hold ends without the worker
/// letting go (a lease that could not be renewed): another worker may be running the job by then.
/// </summary>
public sealed class JobClaim(ResourceKey job, CancellationToken lost, Func<ValueTask> release) : IAsyncDisposable
{
    public ResourceKey Job { get; } = job;

    public CancellationToken Lost { get; } = lost;

    public ValueTask DisposeAsync() => release();

    public static JobClaim Unleased(ResourceKey job) => new(job, CancellationToken.None, () => ValueTask.CompletedTask);
}
