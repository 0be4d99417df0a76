using MedGrpc.Tests.Support;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Tests.Media;

/// <summary>All eight AWS media formats go through the real ffprobe and ffmpeg to a transcript.</summary>
[Trait("Suite", "Integration")] // also run on the scale-out backend (scripts/test.sh)
public sealed class MediaFormatTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly TestServer _server = fixture.Server;

    public static TheoryData<string, string, string[]> SpeechFormats => new()
    {
        { "wav", "goforward.wav", [] },
        { "mp3", "goforward.mp3", ["-c:a", "libmp3lame"] },
        { "flac", "goforward.flac", ["-c:a", "flac"] },
        { "ogg", "goforward.ogg", ["-c:a", "libvorbis"] },
        { "webm", "goforward.webm", ["-c:a", "libopus"] },
        { "mp4", "goforward.mp4", ["-c:a", "aac", "-f", "mp4"] },
        { "m4a", "goforward.m4a", ["-c:a", "aac", "-f", "ipod"] },
    };

    [Theory]
    [MemberData(nameof(SpeechFormats))]
    public async Task Speech_in_each_format_is_transcribed_and_its_format_detected(string format, string file, string[] options)
    {
        var media = MediaFiles.Convert(MediaFiles.GoForward, file, options);
        var request = Requests.Dictation($"format-{format}", _server.PutFile("media", file, media));

        var events = await _server.RunAsync(request);

        Assert.Equal(TranscriptionJobStatus.Completed, events.TranscriptionJobStatus);
        Assert.Equal(format, Service.Api.AwsEnumNames.ToAws(events.MediaFormat));
        var transcript = _server.ReadObjectText("out", $"format-{format}.json")!;
        Assert.Contains("forward", transcript, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Amr_wideband_is_detected_and_decoded()
    {
        // No AMR encoder ships with Debian's ffmpeg: build a valid AMR-WB file by hand from its
        // storage format (RFC 4867 §5): the magic line, then 2 s of NO_DATA frames (header byte 0x7C).
        var amr = MediaFiles.Bytes("silence.amr", [.. "#!AMR-WB\n"u8.ToArray(), .. Enumerable.Repeat((byte)0x7C, 100)]);
        var request = Requests.Dictation("format-amr", _server.PutFile("media", "silence.amr", amr));
        request.MediaFormat = MediaFormat.Amr;

        var job = await _server.RunAsync(request);

        Assert.Equal(TranscriptionJobStatus.Completed, job.TranscriptionJobStatus);
        Assert.Equal(MediaFormat.Amr, job.MediaFormat);
        Assert.Equal(16000, job.MediaSampleRateHertz);
    }

    [Fact]
    public async Task A_44_kilohertz_stereo_file_is_resampled_and_mixed_down()
    {
        var media = MediaFiles.Convert(MediaFiles.GoForward, "goforward-44k-stereo.flac", "-ar", "44100", "-ac", "2");
        var job = await _server.RunAsync(Requests.Dictation("format-44k", _server.PutFile("media", "goforward-44k-stereo.flac", media)));
        Assert.Equal(TranscriptionJobStatus.Completed, job.TranscriptionJobStatus);
        Assert.Equal(44100, job.MediaSampleRateHertz);
        Assert.Contains("forward", _server.ReadObjectText("out", "format-44k.json")!, StringComparison.OrdinalIgnoreCase);
    }
}
