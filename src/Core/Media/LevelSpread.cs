namespace MedGrpc.Core.Media;

/// <summary>
/// How far a recording's loud frames stand above its quiet ones: the 95th percentile of its 20 ms frame levels minus
/// the 1st, in dB. In clean speech the quiet frames are pauses near silence (70 dB and more for synthesized speech,
/// 30–41 dB for the real recordings of the development set); under steady background noise the pauses are filled
/// with it and the spread shrinks towards the signal-to-noise ratio (about 23 dB at 15 dB of pink noise). Kept in a
/// histogram of half-decibel bins, so that a four-hour recording costs no more memory than a short one.
/// </summary>
public sealed class LevelSpread
{
    private const int FrameSamples = PcmFormat.SampleRate / 50;
    private const double BinDb = 0.5;
    private readonly long[] _bins = new long[(int)(100 / BinDb) + 1];
    private long _frames;
    private double _sum;
    private int _samples;
    private byte? _oddByte;

    /// <summary>Adds 16 kHz mono s16le PCM, in pieces of any length.</summary>
    public void Add(ReadOnlySpan<byte> pcm)
    {
        if (_oddByte is { } low && pcm.Length > 0)
        {
            AddSample((short)(low | (pcm[0] << 8)));
            pcm = pcm[1..];
            _oddByte = null;
        }
        var whole = pcm.Length & ~1;
        for (var i = 0; i < whole; i += 2) AddSample((short)(pcm[i] | (pcm[i + 1] << 8)));
        if (whole < pcm.Length) _oddByte = pcm[^1];
    }

    private void AddSample(short sample)
    {
        _sum += (double)sample * sample;
        if (++_samples < FrameSamples) return;
        var db = 10 * Math.Log10(_sum / FrameSamples + 1);
        _bins[Math.Clamp((int)(db / BinDb), 0, _bins.Length - 1)]++;
        _frames++;
        _sum = 0;
        _samples = 0;
    }

    /// <summary>Whole 20 ms frames seen.</summary>
    public long Frames => _frames;

    /// <summary>The 95th percentile of the frame levels minus the 1st, in dB; 0 before any frame.</summary>
    public double SpreadDb => _frames == 0 ? 0 : Percentile(0.95) - Percentile(0.01);

    private double Percentile(double fraction)
    {
        var rank = (long)(fraction * (_frames - 1));
        long seen = 0;
        for (var bin = 0; bin < _bins.Length; bin++)
        {
            seen += _bins[bin];
            if (seen > rank) return bin * BinDb;
        }
        return (_bins.Length - 1) * BinDb;
    }
}
