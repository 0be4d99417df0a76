using Grpc.Core;
using MedGrpc.Client;
using MedGrpc.Tests.Support;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Tests.Streaming;

/// <summary>Every way a stream is refused, through the real server: a clear error naming the field and rule, the server unharmed.</summary>
[Trait("Suite", "Integration")] // also run on the scale-out backend (scripts/test.sh)
public sealed class StreamRefusalTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private static readonly Lazy<byte[]> Words = new(() => StreamAudio.Encode(SpeechSet.Audio("dev-real-goforward.wav"), "pcm", 3));

    private async Task<MedicalTranscriptionException> RefusedAsync(Func<Task> stream, StatusCode code, string awsError)
    {
        var e = await Assert.ThrowsAsync<MedicalTranscriptionException>(stream);
        Assert.Equal(code, e.StatusCode);
        Assert.Equal(awsError, e.AwsError);
        return e;
    }

    public static TheoryData<string, string, string> BadSettings => new()
    {
        { "sample rate 8000", "mediaSampleRateHertz", "greater than or equal to 16000" },
        { "no encoding", "mediaEncoding", "must not be null" },
        { "en-GB", "languageCode", "en-US is the only valid value" },
        { "no specialty", "specialty", "must not be null" },
        { "no type", "type", "must not be null" },
        { "channels without identification", "enableChannelIdentification", "requires 'enableChannelIdentification'" },
        { "identification without channels", "numberOfChannels", "required when 'enableChannelIdentification'" },
        { "three channels", "numberOfChannels", "less than or equal to 2" },
        { "speakers and channels", "enableChannelIdentification", "can't include both" },
        { "session id not a UUID", "sessionId", "failed to satisfy constraint" },
        { "unknown vocabulary", "vocabularyName", "couldn't be found" },
        { "output bucket as an s3 URI", "outputBucketName", "failed to satisfy constraint" },
        { "output bucket that doesn't exist", "outputBucketName", "doesn't exist" },
        { "output key with a space", "outputKey", "failed to satisfy constraint" },
        { "output key without a bucket", "outputBucketName", "requires 'outputBucketName'" },
        { "job name with a space", "medicalTranscriptionJobName", "failed to satisfy constraint" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task Bad_settings_are_a_BadRequest_naming_the_field(string change, string field, string rule)
    {
        var settings = StreamAudio.Settings();
        switch (change)
        {
            case "sample rate 8000": settings.MediaSampleRateHertz = 8000; break;
            case "no encoding": settings.MediaEncoding = MediaEncoding.Unspecified; break;
            case "en-GB": settings.LanguageCode = LanguageCode.EnGb; break;
            case "no specialty": settings.Specialty = Specialty.Unspecified; break;
            case "no type": settings.Type = MedicalJobType.Unspecified; break;
            case "channels without identification": settings.NumberOfChannels = 2; break;
            case "identification without channels": settings.EnableChannelIdentification = true; break;
            case "three channels": settings.EnableChannelIdentification = true; settings.NumberOfChannels = 3; break;
            case "speakers and channels": settings.EnableChannelIdentification = true; settings.NumberOfChannels = 2; settings.ShowSpeakerLabel = true; break;
            case "session id not a UUID": settings.SessionId = "session-1"; break;
            case "unknown vocabulary": settings.VocabularyName = "never-made"; break;
            case "output bucket as an s3 URI": settings.OutputBucketName = "s3://out"; break;
            case "output bucket that doesn't exist": settings.OutputBucketName = "never-made-bucket"; break;
            case "output key with a space": settings.OutputBucketName = "out"; settings.OutputKey = "my note.json"; break;
            case "output key without a bucket": settings.OutputKey = "notes/"; break;
            case "job name with a space": settings.OutputBucketName = "out"; settings.MedicalTranscriptionJobName = "my note"; break;
        }

        var e = await RefusedAsync(() => fixture.Server.StreamAllAsync(settings, Words.Value), StatusCode.InvalidArgument, "BadRequestException");

        Assert.Contains(e.FieldViolations, v => v.Field == field);
        Assert.Contains(rule, e.Message);
    }

    [Fact]
    public async Task Audio_before_the_settings_is_a_BadRequest()
    {
        using var call = fixture.Server.Jobs.StreamTranscription();
        await call.RequestStream.WriteAsync(new StreamTranscriptionRequest { AudioEvent = new AudioEvent { AudioChunk = Google.Protobuf.ByteString.CopyFrom(Words.Value) } });

        var e = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Contains("first message must be its settings", e.Status.Detail);
    }

    [Fact]
    public async Task Settings_a_second_time_are_a_BadRequest()
    {
        using var call = fixture.Server.Jobs.StreamTranscription();
        await call.RequestStream.WriteAsync(new StreamTranscriptionRequest { Settings = StreamAudio.Settings() });
        await call.RequestStream.WriteAsync(new StreamTranscriptionRequest { Settings = StreamAudio.Settings() });

        var e = await Assert.ThrowsAsync<RpcException>(async () => { while (await call.ResponseStream.MoveNext(CancellationToken.None)) { } });

        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Contains("settings came a second time", e.Status.Detail);
    }

    [Theory]
    [InlineData("flac")]
    [InlineData("ogg-opus")]
    public async Task Audio_that_is_not_the_declared_encoding_is_a_BadRequest_naming_the_chunk(string encoding)
    {
        var noise = new byte[64_000];
        new Random(19).NextBytes(noise);

        var e = await RefusedAsync(() => fixture.Server.StreamAllAsync(StreamAudio.Settings(encoding), noise), StatusCode.InvalidArgument, "BadRequestException");

        Assert.Contains(e.FieldViolations, v => v.Field == "audioEvent.audioChunk");
        Assert.Contains($"couldn't be decoded as {encoding}", e.Message);
    }

    [Fact]
    public async Task A_batch_only_rule_does_not_hold_a_stream_to_PRIMARYCARE_but_a_job_still_is()
    {
        var job = Requests.Dictation("cardiology-job", fixture.Server.PutFile("media", "cardiology-job.wav", MediaFiles.GoForward));
        job.Specialty = Specialty.Cardiology;

        var e = await JobAssertions.RefusedAsync(() => fixture.Server.Jobs.StartMedicalTranscriptionJobAsync(job).ResponseAsync, StatusCode.InvalidArgument, "BadRequestException");

        Assert.Contains("enum value set: [PRIMARYCARE]", e.Status.Detail);
    }
}
