using MedGrpc.Engines.PocketSphinx;

namespace MedGrpc.Tests.Engines;

/// <summary>What the PHI second pass keeps of a recording while the first pass reads it.</summary>
public sealed class KeptAudioTests
{
    [Fact]
    public void The_audio_read_is_kept_byte_for_byte()
    {
        var pcm = Enumerable.Range(0, 10_000).Select(i => (byte)i).ToArray();
        var kept = new KeptAudio(new MemoryStream(pcm));
        kept.CopyTo(Stream.Null, 777);
        Assert.Equal(pcm, kept.TakeAudio());
    }

    [Fact]
    public void A_recording_past_the_bound_is_not_kept()
    {
        var kept = new KeptAudio(new MemoryStream(new byte[KeptAudio.MaxBytes + 2]));
        kept.CopyTo(Stream.Null);
        Assert.Null(kept.TakeAudio());
    }
}
