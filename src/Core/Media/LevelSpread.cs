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
    private const int FrameBytes = PcmFormat.BytesPerSecond / 50;
    private const double BinDb = 0.5;
    private readonly long[] _bins = new long[(int)(100 / BinDb) + 1];
    private readonly byte[] _frame = new byte[FrameBytes];
    private int _filled;
    private long _frames;

    /// <summary>Adds 16 kHz mono s16le PCM, in pieces of any length.</summary>
    public void Add(ReadOnlySpan<byte> pcm)
    {
        while (pcm.Length > 0)
        {
            var take = Math.Min(FrameBytes - _filled, pcm.Length);
            pcm[..take].CopyTo(_frame.AsSpan(_filled));
            pcm = pcm[take..];
            if ((_filled += take) < FrameBytes) return;
            _bins[Math.Clamp((int)(FrameLevel.Db(_frame) / BinDb), 0, _bins.Length - 1)]++;
            _frames++;
            _filled = 0;
        }
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
