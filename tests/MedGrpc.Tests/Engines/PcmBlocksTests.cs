using MedGrpc.Engines.Whisper;

namespace MedGrpc.Tests.Engines;

public sealed class PcmBlocksTests
{
    /// <summary>A pipe that hands over one byte at a time, so every sample is split across two reads.</summary>
    private sealed class TrickleStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 1));
    }

    private static byte[] Pcm(params short[] samples) => samples.SelectMany(BitConverter.GetBytes).ToArray();

    [Fact]
    public void Samples_split_across_reads_come_out_whole_as_floats()
    {
        var blocks = new PcmBlocks(new TrickleStream(Pcm(0, 16384, -32768, 32767)), samplesPerBlock: 10);

        Assert.Equal([0f, 0.5f, -1f, 32767 / 32768f], blocks.Next(CancellationToken.None));
    }

    [Fact]
    public void The_audio_comes_in_blocks_of_the_size_asked_then_the_rest_then_nothing()
    {
        var blocks = new PcmBlocks(new MemoryStream(Pcm(1, 2, 3, 4, 5)), samplesPerBlock: 2);

        Assert.Equal([2, 2, 1, 0], Enumerable.Range(0, 4).Select(_ => blocks.Next(CancellationToken.None).Length));
    }
}
