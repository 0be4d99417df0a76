using System.Buffers;

namespace MedGrpc.Core.Media;

/// <summary>
/// Cuts PCM as it streams (from ffmpeg) into pieces, each within <see cref="ChunkLengths"/>: at the utterance
/// boundary nearest the target length when the engine follows the recording (<paramref name="boundaries"/>) and
/// meets one in range, else at a pause (<see cref="PauseFinder"/>). It holds at most one longest piece of audio:
/// the recording is never held whole, whatever its length.
/// </summary>
/// <param name="boundaries">The engine's follower of this recording, or null: cuts at pauses only.</param>
public sealed class PauseChunker(Stream pcm, ChunkLengths lengths, IUtteranceBoundaries? boundaries = null)
{
    // One sample more than the longest piece: a full buffer means the stream goes on, so the rest of a stream
    // that ends exactly one longest piece on is kept whole instead of being cut for nothing.
    private readonly byte[] _buffer = new byte[(lengths.MaxSamples + 1) * PcmFormat.BytesPerSample];
    private int _filled;
    private long _startSample;
    private bool _ended;
    private int _index;
    private ReadOnlyMemory<byte> _preceding = ReadOnlyMemory<byte>.Empty;
    // Boundaries met past the last cut, in order; and the one the next piece starts at.
    private readonly List<UtteranceBoundary> _boundaries = [];
    private UtteranceBoundary? _nextStart;

    /// <summary>How much of the audio before a piece goes with it, for an engine to settle its normalisation on (about live CMN's window).</summary>
    public const double PrecedingSeconds = 8;

    /// <summary>The next piece, or null once the stream has ended.</summary>
    public async ValueTask<PcmChunk?> NextAsync(CancellationToken ct)
    {
        while (!_ended && _filled < _buffer.Length)
        {
            var read = await pcm.ReadAsync(_buffer.AsMemory(_filled), ct);
            if (read == 0) _ended = true;
            if (boundaries is not null) _boundaries.AddRange(boundaries.Follow(_buffer.AsSpan(_filled, read)));
            _filled += read;
        }
        var samples = _filled / PcmFormat.BytesPerSample;
        if (samples == 0) return null;
        // What is left at the end fits one piece; otherwise the cut is at the boundary nearest the target, or at the best pause.
        var boundary = _ended && samples <= lengths.MaxSamples ? null : NearestBoundary(samples);
        var cut = _ended && samples <= lengths.MaxSamples ? samples
            : boundary is not null ? (int)(boundary.Sample - _startSample)
            : PauseFinder.Cut(_buffer.AsSpan(0, _filled), lengths);
        var bytes = cut * PcmFormat.BytesPerSample;
        var piece = ArrayPool<byte>.Shared.Rent(bytes);
        Buffer.BlockCopy(_buffer, 0, piece, 0, bytes);
        var chunk = new PcmChunk(_index++, _startSample, piece, bytes, _preceding, _nextStart);
        _nextStart = boundary;
        var precedingBytes = Math.Min(bytes, (int)(PrecedingSeconds * PcmFormat.BytesPerSecond));
        _preceding = _buffer.AsSpan(bytes - precedingBytes, precedingBytes).ToArray();
        Buffer.BlockCopy(_buffer, bytes, _buffer, 0, _filled - bytes);
        _filled -= bytes;
        _startSample += cut;
        _boundaries.RemoveAll(b => b.Sample <= _startSample);
        if (_ended && _filled < PcmFormat.BytesPerSample) _filled = 0; // a stray last byte is half a sample
        return chunk;
    }

    /// <summary>The boundary in (MinSamples, MaxSamples] of the piece being cut nearest its target length, or null.</summary>
    private UtteranceBoundary? NearestBoundary(int samples)
    {
        UtteranceBoundary? nearest = null;
        foreach (var boundary in _boundaries)
        {
            var at = boundary.Sample - _startSample;
            if (at <= lengths.MinSamples || at > Math.Min(lengths.MaxSamples, samples)) continue;
            if (nearest is null || Math.Abs(at - lengths.TargetSamples) < Math.Abs(nearest.Sample - _startSample - lengths.TargetSamples)) nearest = boundary;
        }
        return nearest;
    }
}
