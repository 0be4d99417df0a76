using static MedGrpc.Engines.PocketSphinx.PocketSphinxNative;

namespace MedGrpc.Engines.PocketSphinx;

/// <summary>
/// A copy of sphinxbase's live CMN state (cmn_t): the mean subtracted from each frame, the running sum it is
/// next computed from, and that sum's frame count. The one thing a decoder carries from one utterance to the next
/// besides its noise estimate, so what a piece of a recording must start with to be decoded as the whole would be.
/// </summary>
internal sealed unsafe class CepstralMeanState
{
    private readonly float[] _mean;
    private readonly float[] _sum;
    private readonly int _frames;

    private CepstralMeanState(float[] mean, float[] sum, int frames)
    {
        _mean = mean;
        _sum = sum;
        _frames = frames;
    }

    public int VectorLength => _mean.Length;

    public static CepstralMeanState Capture(IntPtr cmn)
    {
        var length = *(int*)(cmn + CmnVectorLengthOffset);
        var mean = new ReadOnlySpan<float>(*(float**)(cmn + CmnMeanOffset), length).ToArray();
        var sum = new ReadOnlySpan<float>(*(float**)(cmn + CmnSumOffset), length).ToArray();
        return new CepstralMeanState(mean, sum, *(int*)(cmn + CmnFrameCountOffset));
    }

    /// <summary>Writes this state into <paramref name="cmn"/>, a cmn_t of the same vector length.</summary>
    public void RestoreInto(IntPtr cmn)
    {
        if (*(int*)(cmn + CmnVectorLengthOffset) != _mean.Length)
            throw new InvalidOperationException("A cepstral mean of another vector length cannot be restored here.");
        _mean.CopyTo(new Span<float>(*(float**)(cmn + CmnMeanOffset), _mean.Length));
        _sum.CopyTo(new Span<float>(*(float**)(cmn + CmnSumOffset), _sum.Length));
        *(int*)(cmn + CmnFrameCountOffset) = _frames;
    }
}
