using System.Threading.Channels;

namespace MedGrpc.Service.Jobs;

/// <summary>Names of jobs waiting for a worker, first come first served.</summary>
public sealed class JobQueue
{
    private readonly Channel<string> _names = Channel.CreateUnbounded<string>();

    public void Enqueue(string jobName) => _names.Writer.TryWrite(jobName);

    public IAsyncEnumerable<string> ReadAllAsync(CancellationToken ct) => _names.Reader.ReadAllAsync(ct);
}
