namespace MedGrpc.Core.Media;

/// <summary>
/// Where to cut a stretch of PCM: in the middle of its longest pause between the shortest and longest piece
/// allowed, the nearest the target among pauses of half a second or more. A pause is a run of 10 ms frames whose energy is near the stretch's quietest (within
/// <see cref="QuietAboveFloorDb"/> of its 10th percentile), so it adapts to each recording's background noise
/// without a fixed level. An energy detector and not the decoder's own voice-activity detection: the cut is
/// made before any decoder sees the audio, and the same cut serves every engine.
/// </summary>
public static class PauseFinder
{
    public const int FrameSamples = PcmFormat.SampleRate / 100;
    private const double QuietAboveFloorDb = 8;
    // A pause this long is a clear end of speech; longer ones are no better places to cut, so among them
    // the one nearest the target wins (pieces near the target keep a job's pieces, and waits for a decoder, short).
    private const double EnoughPauseSeconds = 0.5;
    // Among shorter pauses, one a second nearer the target wins over one 10 ms longer.
    private const double SecondsPerSecondFromTarget = 0.01;

    /// <summary>The sample at which the first piece ends: in (MinSamples, MaxSamples] of <paramref name="pcm"/>, which holds at least MaxSamples.</summary>
    public static int Cut(ReadOnlySpan<byte> pcm, ChunkLengths lengths)
    {
        var firstFrame = lengths.MinSamples / FrameSamples;
        var frameCount = Math.Min(pcm.Length / PcmFormat.BytesPerSample, lengths.MaxSamples) / FrameSamples - firstFrame;
        if (frameCount <= 0) return Math.Min(pcm.Length / PcmFormat.BytesPerSample, lengths.MaxSamples);
        var energies = new double[frameCount];
        for (var f = 0; f < frameCount; f++) energies[f] = FrameDb(pcm, firstFrame + f);

        var sorted = (double[])energies.Clone();
        Array.Sort(sorted);
        var quiet = sorted[sorted.Length / 10] + QuietAboveFloorDb;

        var targetFrame = lengths.TargetSamples / (double)FrameSamples;
        var bestScore = double.NegativeInfinity;
        var bestFrame = firstFrame + frameCount / 2;
        for (var f = 0; f < frameCount;)
        {
            if (energies[f] > quiet)
            {
                f++;
                continue;
            }
            var runStart = f;
            while (f < frameCount && energies[f] <= quiet) f++;
            var middle = firstFrame + (runStart + f) / 2;
            var score = Math.Min((f - runStart) / 100.0, EnoughPauseSeconds) - SecondsPerSecondFromTarget * Math.Abs(middle - targetFrame) / 100.0;
            if (score > bestScore)
            {
                bestScore = score;
                bestFrame = middle;
            }
        }
        return Math.Max(bestFrame, 1) * FrameSamples;
    }

    private static double FrameDb(ReadOnlySpan<byte> pcm, int frame) =>
        FrameLevel.Db(pcm.Slice(frame * FrameSamples * PcmFormat.BytesPerSample, FrameSamples * PcmFormat.BytesPerSample));
}
