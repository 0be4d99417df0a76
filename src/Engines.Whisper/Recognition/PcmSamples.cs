using MedGrpc.Core.Media;

namespace MedGrpc.Engines.Whisper;

/// <summary>The engine's input (16 kHz mono signed 16-bit little-endian PCM) as float samples in [-1, 1), the form whisper.cpp takes.</summary>
internal static class PcmSamples
{
    public static float[] ToFloats(ReadOnlySpan<byte> pcm)
    {
        var samples = new float[pcm.Length / PcmFormat.BytesPerSample];
        for (var i = 0; i < samples.Length; i++)
            samples[i] = (short)(pcm[2 * i] | (pcm[2 * i + 1] << 8)) / 32768f;
        return samples;
    }
}
