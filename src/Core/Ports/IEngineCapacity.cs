namespace MedGrpc.Core.Ports;

/// <summary>
/// Who may take engine time now. A live stream holds a lease for its whole session and is refused when none is left;
/// the lease ends when it is disposed. Today the one adapter (Core/Streaming/StreamSlots) counts streams
/// alone, up to MedGrpc:Limits:MaxConcurrentStreams, while jobs keep their workers (and run at a lower CPU priority,
/// so a stream is not kept waiting behind them); a decoder pool shared by jobs and streams plugs in here.
/// </summary>
public interface IEngineCapacity
{
    /// <summary>A lease for a live stream, or null when the streams' share of the engine is taken.</summary>
    IDisposable? TryLeaseStream();

    /// <summary>The most streams the engine serves at once.</summary>
    int StreamLimit { get; }
}
