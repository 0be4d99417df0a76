namespace MedGrpc.Core.Ports;

/// <summary>
/// The streams' share of the engine. A live stream holds a lease for its whole session and is refused when none is
/// left; the lease ends when it is disposed. The one adapter (Core/Streaming/StreamSlots) counts streams, up to
/// MedGrpc:Limits:MaxConcurrentStreams. Jobs draw on the DecoderPool instead, and their threads run at a lower CPU
/// priority: neither waits for the other's share (docs/streaming.md, "Capacity: streams and jobs").
/// </summary>
public interface IEngineCapacity
{
    /// <summary>A lease for a live stream, or null when the streams' share of the engine is taken.</summary>
    IDisposable? TryLeaseStream();

    /// <summary>The most streams the engine serves at once.</summary>
    int StreamLimit { get; }
}
