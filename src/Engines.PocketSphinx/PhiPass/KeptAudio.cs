using MedGrpc.Core.Media;

namespace MedGrpc.Engines.PocketSphinx;

/// <summary>
/// The recording as the first pass reads it, kept for the passes that hear it again (everyday speech with the general
/// model, the PHI second pass) up to a bound: a channel recognised whole
/// (MedGrpc:JobParallelism 1) would otherwise be held in memory whatever its length (32 KB a second, 115 MB an hour).
/// Past the bound nothing more is kept and <see cref="TakeAudio"/> gives null: the first pass stands.
/// </summary>
internal sealed class KeptAudio(Stream source) : ReadOnlyStream
{
    // Longer than any piece a recording is cut into, and 58 MB at most.
    public const int MaxMinutes = 30;
    public const int MaxBytes = MaxMinutes * 60 * PcmFormat.BytesPerSecond;

    private MemoryStream? _kept = new();

    /// <summary>Everything read, handed over once (the copy kept here is dropped), or null when the recording went past the bound.</summary>
    public byte[]? TakeAudio()
    {
        var audio = _kept?.ToArray();
        _kept = null;
        return audio;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = source.Read(buffer);
        if (_kept is not null)
        {
            if (_kept.Length + read > MaxBytes) _kept = null;
            else _kept.Write(buffer[..read]);
        }
        return read;
    }
}
