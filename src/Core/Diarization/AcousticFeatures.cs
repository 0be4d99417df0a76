using NWaves.FeatureExtractors;
using NWaves.FeatureExtractors.Options;
using MedGrpc.Core.Media;

namespace MedGrpc.Core.Diarization;

/// <summary>
/// MFCC frames (25 ms windows every 10 ms) of the engine's PCM, computed as the audio streams past
/// (NWaves' extractor, block by block) so the samples themselves are never kept.
/// </summary>
public sealed class AcousticFeatures
{
    public const double FrameSeconds = 0.010;
    // c0 (energy) is left out: it says how loud, not who.
    public const int Dimensions = 12;
    private const int BlockSamples = PcmFormat.SampleRate * 10;

    private readonly MfccExtractor _extractor = new(new MfccOptions
    {
        SamplingRate = PcmFormat.SampleRate,
        FeatureCount = Dimensions + 1,
        FrameDuration = 0.025,
        HopDuration = FrameSeconds,
        FilterBankSize = 26,
    });

    private readonly List<float[]> _frames = [];
    private readonly List<float> _pending = [];
    private byte? _oddByte;

    public IReadOnlyList<float[]> Frames => _frames;

    /// <summary>Takes the next bytes of 16-bit little-endian PCM.</summary>
    public void Add(ReadOnlySpan<byte> pcm)
    {
        if (_oddByte is { } low && pcm.Length > 0)
        {
            _pending.Add((short)(low | (pcm[0] << 8)) / 32768f);
            pcm = pcm[1..];
            _oddByte = null;
        }
        for (var i = 0; i + 1 < pcm.Length; i += 2) _pending.Add((short)(pcm[i] | (pcm[i + 1] << 8)) / 32768f);
        if (pcm.Length % 2 == 1) _oddByte = pcm[^1];
        if (_pending.Count >= BlockSamples) Flush(final: false);
    }

    /// <summary>Computes the frames of the samples taken so far, keeping the tail a next frame needs (a live stream's turns are found mid-way).</summary>
    public void CatchUp() => Flush(final: false);

    /// <summary>Computes the frames of what is left; call once the audio has ended.</summary>
    public void Complete() => Flush(final: true);

    private void Flush(bool final)
    {
        var samples = _pending.ToArray();
        if (samples.Length < _extractor.FrameSize) return;
        var frames = _extractor.ComputeFrom(samples);
        foreach (var frame in frames) _frames.Add(frame[1..]);
        _pending.Clear();
        // Frames start every hop; keep the samples from the first frame not yet computed.
        if (!final) _pending.AddRange(samples.AsSpan(frames.Count * _extractor.HopSize).ToArray());
    }
}
