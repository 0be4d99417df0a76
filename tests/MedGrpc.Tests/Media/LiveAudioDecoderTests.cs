using MedGrpc.Ffmpeg;
using MedGrpc.Tests.Support;

namespace MedGrpc.Tests.Media;

/// <summary>A live stream's audio through the real ffmpeg, sent in a client's chunks: every sample comes out, none changed.</summary>
public sealed class LiveAudioDecoderTests
{
    private const double Seconds = 8;
    private static readonly string Dictation = SpeechSet.Audio("dev-dict-01.wav");

    [Fact]
    public async Task Flac_comes_out_as_the_very_samples_that_were_encoded()
    {
        var pcm = StreamAudio.Encode(Dictation, "pcm", Seconds);

        var decoded = await DecodeAsync("flac", 16000, inputChannels: 0, StreamAudio.Encode(Dictation, "flac", Seconds));

        Assert.Equal(pcm.Length, decoded.Length);
        Assert.True(pcm.AsSpan().SequenceEqual(decoded), "the samples differ");
    }

    [Fact]
    public async Task Pcm_through_ffmpeg_loses_no_samples()
    {
        var pcm = StreamAudio.Encode(Dictation, "pcm", Seconds);

        var decoded = await DecodeAsync("pcm", 16000, inputChannels: 1, pcm);

        Assert.Equal(pcm.Length, decoded.Length);
        Assert.True(pcm.AsSpan().SequenceEqual(decoded), "the samples differ");
    }

    private static async Task<byte[]> DecodeAsync(string encoding, int sampleRate, int inputChannels, byte[] audio)
    {
        using var decode = new LiveAudioDecoder().Start(encoding, sampleRate, inputChannels, outputChannels: 1);
        using var output = new MemoryStream();
        var reading = decode.Pcm.CopyToAsync(output);
        await foreach (var chunk in StreamAudio.Chunks(audio)) await decode.WriteAsync(chunk, default);
        decode.EndInput();
        await reading;
        await decode.CompleteAsync(default);
        return output.ToArray();
    }
}
