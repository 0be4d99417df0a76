namespace MedGrpc.Service.Jobs;

/// <summary>
/// A worker's hold on one job. <see cref="Lost"/> is cancelled when the hold ends without the worker
/// letting go (a lease that could not be renewed): another worker may be running the job by then.
/// </summary>
public sealed class JobClaim(string jobName, CancellationToken lost, Func<ValueTask> release) : IAsyncDisposable
{
    public string JobName { get; } = jobName;

    public CancellationToken Lost { get; } = lost;

    public ValueTask DisposeAsync() => release();

    public static JobClaim Unleased(string jobName) => new(jobName, CancellationToken.None, () => ValueTask.CompletedTask);
}
