using Grpc.Core;
using MedGrpc.Client;
using MedGrpc.Tests.Support;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Tests.Streaming;

/// <summary>
/// Recording a live stream to a job (MedGrpc's own; AWS's streams keep nothing), through the real server and engine:
/// with an output bucket the finished session is a COMPLETED job with a batch-style transcript; an ended-in-error one is FAILED.
/// </summary>
[Trait("Suite", "Integration")] // also run on the scale-out backend (scripts/test.sh)
public sealed class StreamRecordingTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const double Seconds = 12;
    private static readonly string Dictation = SpeechSet.Audio("dev-dict-01.wav");
    private static readonly Lazy<byte[]> Pcm = new(() => StreamAudio.Encode(Dictation, "pcm", Seconds));
    private static readonly Lazy<byte[]> Short = new(() => StreamAudio.Encode(SpeechSet.Audio("dev-real-goforward.wav"), "pcm", 3));

    private static StreamSettings Recorded(string? jobName, string bucket = "out")
    {
        var settings = StreamAudio.Settings();
        settings.OutputBucketName = bucket;
        if (jobName is not null) settings.MedicalTranscriptionJobName = jobName;
        return settings;
    }

    /// <summary>The job's terminal WatchJob event: the job, and its transcript when COMPLETED.</summary>
    private async Task<JobEvent> EndedAsync(string name)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (true)
        {
            try
            {
                await foreach (var e in fixture.Server.Jobs.WatchAsync(name, cts.Token))
                    if (e.MedicalTranscriptionJob.TranscriptionJobStatus is TranscriptionJobStatus.Completed or TranscriptionJobStatus.Failed) return e;
            }
            catch (MedicalTranscriptionException e) when (e.StatusCode == StatusCode.InvalidArgument && e.Message.Contains("couldn't be found"))
            {
                await Task.Delay(100, cts.Token); // a cancelled stream's job is stored once the server has seen the cancellation
            }
        }
    }

    [Fact]
    public async Task A_session_with_an_output_bucket_is_a_COMPLETED_job_whose_transcript_is_the_finals()
    {
        var settings = Recorded("dictated-note");
        settings.Specialty = Specialty.Cardiology;

        var responses = await fixture.Server.StreamAllAsync(settings, Pcm.Value);

        var job = (await fixture.Server.Jobs.GetMedicalTranscriptionJobAsync(new GetMedicalTranscriptionJobRequest { MedicalTranscriptionJobName = "dictated-note" })).MedicalTranscriptionJob;
        Assert.Equal(TranscriptionJobStatus.Completed, job.TranscriptionJobStatus);
        Assert.Equal("s3://out/dictated-note.json", job.Transcript.TranscriptFileUri);
        Assert.Equal(Specialty.Cardiology, job.Specialty);
        Assert.True(fixture.Server.ObjectExists("out", "dictated-note.json"));
        var ended = await EndedAsync("dictated-note");
        Assert.Equal(responses.FinalText(), ended.Transcript.Results.Transcripts[0].Transcript);
    }

    [Fact]
    public async Task The_recorded_transcript_has_the_items_a_batch_job_of_the_same_audio_writes()
    {
        var wav = MediaFiles.Convert(Dictation, "recorded-vs-batch.wav", "-t", Seconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var batch = await fixture.Server.Jobs.StartAndWaitAsync(Requests.Dictation("recorded-vs-batch-job", fixture.Server.PutFile("media", "recorded-vs-batch.wav", wav)));

        await fixture.Server.StreamAllAsync(Recorded("recorded-vs-batch-stream"), Pcm.Value);

        var recorded = (await EndedAsync("recorded-vs-batch-stream")).Transcript;
        Assert.Equal(batch.Transcript.Results.Transcripts[0].Transcript, recorded.Results.Transcripts[0].Transcript);
        Assert.Equal(batch.Transcript.Results.Items, recorded.Results.Items);
        Assert.Equal("recorded-vs-batch-stream", recorded.JobName);
    }

    [Fact]
    public async Task Without_a_job_name_the_session_id_names_the_job_and_the_session_echoes_it()
    {
        var settings = Recorded(null);
        settings.SessionId = "3b241101-e2bb-4255-8caf-4136c566a962";
        settings.OutputKey = "notes/";

        var session = (await fixture.Server.StreamAllAsync(settings, Short.Value))[0].Session;

        Assert.Equal("3b241101-e2bb-4255-8caf-4136c566a962", session.MedicalTranscriptionJobName);
        Assert.Equal("out", session.OutputBucketName);
        Assert.Equal("notes/", session.OutputKey);
        var job = (await EndedAsync(settings.SessionId)).MedicalTranscriptionJob;
        Assert.Equal("s3://out/notes/3b241101-e2bb-4255-8caf-4136c566a962.json", job.Transcript.TranscriptFileUri);
    }

    [Fact]
    public async Task A_stream_without_an_output_bucket_records_no_job()
    {
        var settings = StreamAudio.Settings();
        settings.SessionId = "9c5b94b1-35ad-49bb-b118-8e8fc24abf80";

        await fixture.Server.StreamAllAsync(settings, Short.Value);

        var e = await Assert.ThrowsAsync<RpcException>(() => fixture.Server.Jobs.GetMedicalTranscriptionJobAsync(
            new GetMedicalTranscriptionJobRequest { MedicalTranscriptionJobName = settings.SessionId }).ResponseAsync);
        Assert.Contains("couldn't be found", e.Status.Detail);
    }

    [Fact]
    public async Task A_job_name_already_taken_is_refused_at_the_start_with_Conflict()
    {
        await fixture.Server.StreamAllAsync(Recorded("taken-note"), Short.Value);

        var e = await Assert.ThrowsAsync<MedicalTranscriptionException>(() => fixture.Server.StreamAllAsync(Recorded("taken-note"), Short.Value));

        Assert.Equal(StatusCode.AlreadyExists, e.StatusCode);
        Assert.Equal("ConflictException", e.AwsError);
        Assert.Contains(e.FieldViolations, v => v.Field == "medicalTranscriptionJobName");
    }

    [Fact]
    public async Task A_stream_that_ends_in_an_error_is_a_FAILED_job_with_the_reason_and_no_transcript()
    {
        var settings = Recorded("undecodable-note");
        settings.MediaEncoding = MediaEncoding.Flac;
        var noise = new byte[64_000];
        new Random(19).NextBytes(noise);

        await Assert.ThrowsAsync<MedicalTranscriptionException>(() => fixture.Server.StreamAllAsync(settings, noise));

        var job = (await EndedAsync("undecodable-note")).MedicalTranscriptionJob;
        Assert.Equal(TranscriptionJobStatus.Failed, job.TranscriptionJobStatus);
        Assert.Contains("couldn't be decoded as flac", job.FailureReason);
        Assert.False(fixture.Server.ObjectExists("out", "undecodable-note.json"));
    }

    [Fact]
    public async Task A_stream_the_client_cancels_is_a_FAILED_job_that_says_so()
    {
        using (var cancelled = new CancellationTokenSource())
        {
            using var call = fixture.Server.Jobs.StreamTranscription(cancellationToken: cancelled.Token);
            await call.RequestStream.WriteAsync(new StreamTranscriptionRequest { Settings = Recorded("cancelled-note") });
            await call.RequestStream.WriteAsync(new StreamTranscriptionRequest { AudioEvent = new AudioEvent { AudioChunk = Google.Protobuf.ByteString.CopyFrom(Short.Value) } });
            Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None)); // the session: the stream is open
            await cancelled.CancelAsync();
        }

        var job = (await EndedAsync("cancelled-note")).MedicalTranscriptionJob;

        Assert.Equal(TranscriptionJobStatus.Failed, job.TranscriptionJobStatus);
        Assert.Contains("cancelled", job.FailureReason);
    }

    [Fact]
    public async Task Channel_identification_and_PHI_are_in_the_recorded_transcript_as_in_a_batch_one()
    {
        var settings = Recorded("two-channel-note");
        settings.Type = MedicalJobType.Conversation;
        settings.EnableChannelIdentification = true;
        settings.NumberOfChannels = 2;
        settings.ContentIdentificationType = ContentIdentificationType.Phi;
        var spoken = StreamAudio.Encode(SpokenAudio.Say("stream-phi.wav", "the patient is a forty two year old man. his phone number is five five five one two three four."), "pcm", 30);
        var both = new byte[spoken.Length * 2];
        for (var i = 0; i + 1 < spoken.Length; i += 2)
        {
            both[2 * i] = spoken[i];
            both[2 * i + 1] = spoken[i + 1];
        }

        await fixture.Server.StreamAllAsync(settings, both);

        var results = (await EndedAsync("two-channel-note")).Transcript.Results;
        Assert.Equal(2, results.ChannelLabels.NumberOfChannels);
        Assert.NotEmpty(results.ChannelLabels.Channels.Single(c => c.ChannelLabel == "ch_0").Items);
        Assert.NotEmpty(results.Entities);
    }
}
