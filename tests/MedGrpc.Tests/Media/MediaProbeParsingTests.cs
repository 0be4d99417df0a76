using MedGrpc.Core.Media;
using MedGrpc.Ffmpeg;

namespace MedGrpc.Tests.Media;

public sealed class MediaProbeParsingTests
{
    [Theory]
    [InlineData("wav", null, "wav")]
    [InlineData("mp3", null, "mp3")]
    [InlineData("flac", null, "flac")]
    [InlineData("ogg", null, "ogg")]
    [InlineData("amr", null, "amr")]
    [InlineData("matroska,webm", null, "webm")]
    [InlineData("mov,mp4,m4a,3gp,3g2,mj2", "isom", "mp4")]
    [InlineData("mov,mp4,m4a,3gp,3g2,mj2", "M4A ", "m4a")]
    [InlineData("avi", null, null)]
    public void Ffprobe_container_names_map_to_AWS_media_formats(string container, string? brand, string? expected) =>
        Assert.Equal(expected, MediaProbe.ToMediaFormat(container, brand));

    [Fact]
    public void The_first_audio_stream_gives_rate_channels_and_codec()
    {
        var info = MediaProbe.Parse("""
            {"streams":[{"codec_name":"flac","sample_rate":"44100","channels":2,"duration":"3.5"}],
             "format":{"format_name":"flac","duration":"3.500000","size":"12345"}}
            """);
        Assert.Equal(new MediaInfo("flac", "flac", "flac", 44100, 2, 3.5, 12345), info);
    }

    [Fact]
    public void A_file_without_an_audio_stream_is_unsupported() =>
        Assert.Equal("Unsupported media format",
            Assert.Throws<MediaRejectedException>(() => MediaProbe.Parse("""{"streams":[],"format":{"format_name":"png_pipe"}}""")).FailureReason);
}
