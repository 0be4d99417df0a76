namespace MedGrpc.Core.Media;

/// <summary>The level of a stretch of 16 kHz mono s16le PCM: 10·log10 of its mean square (+1, so silence is 0 dB).</summary>
public static class FrameLevel
{
    public static double Db(ReadOnlySpan<byte> pcm)
    {
        var samples = pcm.Length / PcmFormat.BytesPerSample;
        double sum = 0;
        for (var i = 0; i < samples; i++)
        {
            double sample = (short)(pcm[2 * i] | (pcm[2 * i + 1] << 8));
            sum += sample * sample;
        }
        return 10 * Math.Log10(sum / samples + 1);
    }
}
