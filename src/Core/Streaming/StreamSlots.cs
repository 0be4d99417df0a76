using MedGrpc.Core.Options;
using MedGrpc.Core.Ports;
using Microsoft.Extensions.Options;

namespace MedGrpc.Core.Streaming;

/// <summary>
/// The streams' share of the engine: at most MedGrpc:Limits:MaxConcurrentStreams at once on this replica. Jobs draw on
/// the DecoderPool, never on these slots; see <see cref="IEngineCapacity"/> for how the two meet.
/// </summary>
public sealed class StreamSlots(IOptions<MedGrpcOptions> options) : IEngineCapacity
{
    private int _taken;

    public int StreamLimit { get; } = Math.Max(0, options.Value.Limits.MaxConcurrentStreams);

    public int Active => Volatile.Read(ref _taken);

    public IDisposable? TryLeaseStream()
    {
        while (true)
        {
            var taken = Volatile.Read(ref _taken);
            if (taken >= StreamLimit) return null;
            if (Interlocked.CompareExchange(ref _taken, taken + 1, taken) == taken) return new Lease(this);
        }
    }

    private sealed class Lease(StreamSlots slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) Interlocked.Decrement(ref slots._taken);
        }
    }
}
