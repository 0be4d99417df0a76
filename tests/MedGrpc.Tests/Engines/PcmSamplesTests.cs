using MedGrpc.Engines.Whisper;

namespace MedGrpc.Tests.Engines;

public sealed class PcmSamplesTests
{
    [Fact]
    public void Little_endian_samples_come_out_as_floats_from_minus_one_to_just_under_one()
    {
        byte[] pcm = [.. new short[] { 0, 16384, -32768, 32767 }.SelectMany(BitConverter.GetBytes)];

        Assert.Equal([0f, 0.5f, -1f, 32767 / 32768f], PcmSamples.ToFloats(pcm));
    }
}
