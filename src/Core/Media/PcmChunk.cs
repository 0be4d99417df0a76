using System.Buffers;

namespace MedGrpc.Core.Media;

/// <summary>
/// A piece of a recording (<see cref="PcmFormat"/>), its bytes in a pooled buffer until disposed, and where it
/// starts in the recording: the offset that puts its words back on the recording's timeline.
/// </summary>
public sealed class PcmChunk : IDisposable
{
    private byte[]? _buffer;

    internal PcmChunk(int index, long startSample, byte[] buffer, int length, ReadOnlyMemory<byte> preceding, UtteranceBoundary? startBoundary)
    {
        StartBoundary = startBoundary;
        Preceding = preceding;
        Index = index;
        StartSample = startSample;
        _buffer = buffer;
        Length = length;
    }

    /// <summary>Up to <see cref="PauseChunker.PrecedingSeconds"/> of the recording just before the piece; empty for the first.</summary>
    public ReadOnlyMemory<byte> Preceding { get; }

    /// <summary>
    /// The utterance boundary the piece starts at, with what the engine carries across it; null for the first piece
    /// and for a piece cut at a pause where the engine met no boundary in range.
    /// </summary>
    public UtteranceBoundary? StartBoundary { get; }

    /// <summary>0 for the first piece of the recording, then 1, 2, …</summary>
    public int Index { get; }

    public long StartSample { get; }

    public double StartSeconds => (double)StartSample / PcmFormat.SampleRate;

    /// <summary>Bytes of PCM.</summary>
    public int Length { get; }

    public double DurationSeconds => (double)Length / PcmFormat.BytesPerSecond;

    public Stream OpenRead() => new MemoryStream(_buffer ?? throw new ObjectDisposedException(nameof(PcmChunk)), 0, Length, writable: false);

    public ReadOnlySpan<byte> Bytes => (_buffer ?? throw new ObjectDisposedException(nameof(PcmChunk))).AsSpan(0, Length);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _buffer, null) is { } buffer) ArrayPool<byte>.Shared.Return(buffer);
    }
}
