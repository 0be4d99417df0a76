using System.Diagnostics;

namespace MedGrpc.Core.Engines;

/// <summary>One decoder of the <see cref="DecoderPool"/>, held until disposed (once; a second dispose does nothing).</summary>
public sealed class DecoderLease : IDisposable
{
    private DecoderPool? _pool;
    private readonly string _holder;
    private readonly long _since = Stopwatch.GetTimestamp();

    internal DecoderLease(DecoderPool pool, string holder)
    {
        _pool = pool;
        _holder = holder;
    }

    public void Dispose() => Interlocked.Exchange(ref _pool, null)?.Release(_holder, Stopwatch.GetTimestamp() - _since);
}
