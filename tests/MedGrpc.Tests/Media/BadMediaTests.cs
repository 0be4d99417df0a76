using MedGrpc.Tests.Support;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Tests.Media;

/// <summary>Each FailureReason is produced by real media that breaks its rule, and the server keeps serving.</summary>
[Trait("Suite", "Integration")] // also run on the scale-out backend (scripts/test.sh)
public sealed class BadMediaTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly TestServer _server = fixture.Server;

    private async Task<MedicalTranscriptionJob> RunAsync(string name, string file, Action<StartMedicalTranscriptionJobRequest>? change = null)
    {
        var request = Requests.Dictation(name, _server.PutFile("media", name + Path.GetExtension(file), file));
        change?.Invoke(request);
        return await _server.RunAsync(request);
    }

    private static void AssertFailed(MedicalTranscriptionJob job, string reason)
    {
        Assert.Equal(TranscriptionJobStatus.Failed, job.TranscriptionJobStatus);
        Assert.Equal(reason, job.FailureReason);
        Assert.NotNull(job.CompletionTime);
    }

    [Fact]
    public async Task A_file_of_random_bytes_fails_as_unsupported_media() =>
        AssertFailed(await RunAsync("random-bytes", MediaFiles.Bytes("random.wav", Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 251)).ToArray())),
            "Unsupported media format");

    [Fact]
    public async Task A_text_file_fails_as_unsupported_media() =>
        AssertFailed(await RunAsync("text-file", MediaFiles.Bytes("notes.txt", "Patient presents with cough."u8.ToArray())), "Unsupported media format");

    [Fact]
    public async Task An_empty_file_fails_saying_it_is_empty() =>
        AssertFailed(await RunAsync("empty-file", MediaFiles.Bytes("empty.wav", [])), "The media file is empty (0 bytes).");

    [Fact]
    public async Task A_container_that_is_none_of_the_eight_formats_fails_as_unsupported() =>
        AssertFailed(await RunAsync("aiff-file", MediaFiles.Convert(MediaFiles.GoForward, "goforward.aiff")), "Unsupported media format");

    [Fact]
    public async Task A_truncated_file_fails_and_the_next_job_still_completes()
    {
        var whole = await File.ReadAllBytesAsync(MediaFiles.Convert(MediaFiles.GoForward, "truncated-source.mp3", "-b:a", "64k"));
        var job = await RunAsync("truncated", MediaFiles.Bytes("truncated.mp3", whole[..200]));
        Assert.Equal(TranscriptionJobStatus.Failed, job.TranscriptionJobStatus);
        var next = await RunAsync("after-truncated", MediaFiles.GoForward);
        Assert.Equal(TranscriptionJobStatus.Completed, next.TranscriptionJobStatus);
    }

    [Fact]
    public async Task A_given_format_that_contradicts_the_file_fails() =>
        AssertFailed(await RunAsync("format-mismatch", MediaFiles.GoForward, r => r.MediaFormat = MediaFormat.Mp3),
            "The media format provided does not match the detected media format");

    [Fact]
    public async Task A_given_sample_rate_that_contradicts_the_file_fails() =>
        AssertFailed(await RunAsync("rate-mismatch", MediaFiles.GoForward, r => r.MediaSampleRateHertz = 44100),
            "The sample rate provided does not match the detected sample rate");

    [Fact]
    public async Task Eight_kilohertz_audio_fails_as_an_invalid_sample_rate() =>
        AssertFailed(await RunAsync("rate-8k", MediaFiles.Convert(MediaFiles.GoForward, "goforward-8k.wav", "-ar", "8000")), "Invalid sample rate for audio file");

    [Fact]
    public async Task Audio_under_half_a_second_fails_as_too_short() =>
        AssertFailed(await RunAsync("too-short", MediaFiles.Tone("short.wav", 0.3, 16000)),
            "The input media file length is too small. Check the length of the file and try your request again.");

    [Fact]
    public async Task Three_channels_with_channel_identification_fail() =>
        AssertFailed(await RunAsync("three-channels", MediaFiles.Tone("three.wav", 1, 16000, channels: 3),
                r => r.Settings = new MedicalTranscriptionSetting { ChannelIdentification = true }),
            "Invalid number of channels: number of channels too large");

    [Fact]
    public async Task A_given_format_and_rate_that_match_the_file_pass()
    {
        var job = await RunAsync("matching-hints", MediaFiles.GoForward, r =>
        {
            r.MediaFormat = MediaFormat.Wav;
            r.MediaSampleRateHertz = 16000;
        });
        Assert.Equal(TranscriptionJobStatus.Completed, job.TranscriptionJobStatus);
    }
}
