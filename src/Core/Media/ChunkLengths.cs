namespace MedGrpc.Core.Media;

/// <summary>
/// How long the pieces of a recording cut at pauses may be: each ends at the longest pause between
/// <see cref="MinSeconds"/> and <see cref="MaxSeconds"/> from its start, the one nearest <see cref="TargetSeconds"/> among equals.
/// </summary>
public sealed record ChunkLengths(double MinSeconds, double TargetSeconds, double MaxSeconds)
{
    /// <summary>
    /// PocketSphinx's: long enough that a piece's first seconds (where the decoder's cepstral mean and noise
    /// estimate settle again) are a small share, short enough that the last piece leaves other decoders idle briefly.
    /// </summary>
    public static readonly ChunkLengths Default = new(20, 30, 60);

    /// <summary>Whisper's: it reads 30-second windows, so a piece fills one without being cut inside it.</summary>
    public static readonly ChunkLengths Whisper = new(15, 28, 30);

    public int MinSamples => (int)(MinSeconds * PcmFormat.SampleRate);
    public int TargetSamples => (int)(TargetSeconds * PcmFormat.SampleRate);
    public int MaxSamples => (int)(MaxSeconds * PcmFormat.SampleRate);
}
