using Google.Rpc;
using Grpc.Core;
using MedGrpc.Tests.Support;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Tests.Api;

/// <summary>Start, Get, List and Delete over a real gRPC connection to the real server.</summary>
[Trait("Suite", "Integration")] // also run on the scale-out backend (scripts/test.sh)
public sealed class JobOperationsTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly TestServer _server = fixture.Server;

    private string Media(string key) => _server.PutFile("media", key, MediaFiles.GoForward);

    [Fact]
    public async Task Start_answers_with_the_queued_job_echoing_the_request()
    {
        var request = Requests.Dictation("start-echo", Media("start-echo.wav"));
        request.Settings = new MedicalTranscriptionSetting { ShowAlternatives = true, MaxAlternatives = 3 };
        request.Tags.Add(new Tag { Key = "Department", Value = "" });
        request.OutputKey = "echo/";

        var job = (await _server.Jobs.StartMedicalTranscriptionJobAsync(request)).MedicalTranscriptionJob;

        Assert.Equal(TranscriptionJobStatus.Queued, job.TranscriptionJobStatus);
        Assert.Equal("start-echo", job.MedicalTranscriptionJobName);
        Assert.Equal(LanguageCode.EnUs, job.LanguageCode);
        Assert.Equal(MedicalJobType.Dictation, job.Type);
        Assert.Equal(Specialty.Primarycare, job.Specialty);
        Assert.Equal(3, job.Settings.MaxAlternatives);
        Assert.True(job.Settings.ShowAlternatives);
        Assert.False(job.Settings.HasShowSpeakerLabels);
        Assert.Equal("Department", Assert.Single(job.Tags).Key);
        Assert.NotNull(job.CreationTime);
        Assert.Null(job.StartTime);
        await _server.WatchToEndAsync("start-echo");
    }

    [Fact]
    public async Task Start_echoes_AWS_defaults_for_channel_identification_and_alternatives()
    {
        var job = (await _server.Jobs.StartMedicalTranscriptionJobAsync(Requests.Dictation("start-defaults", Media("start-defaults.wav")))).MedicalTranscriptionJob;

        Assert.True(job.Settings.HasChannelIdentification);
        Assert.False(job.Settings.ChannelIdentification);
        Assert.True(job.Settings.HasShowAlternatives);
        Assert.False(job.Settings.ShowAlternatives);
        Assert.False(job.Settings.HasShowSpeakerLabels);
        await _server.WatchToEndAsync("start-defaults");
    }

    [Fact]
    public async Task Get_echoes_AWS_defaults_for_channel_identification_and_alternatives()
    {
        await _server.Jobs.StartMedicalTranscriptionJobAsync(Requests.Dictation("get-defaults", Media("get-defaults.wav")));

        var job = (await _server.Jobs.GetMedicalTranscriptionJobAsync(new GetMedicalTranscriptionJobRequest { MedicalTranscriptionJobName = "get-defaults" })).MedicalTranscriptionJob;
        Assert.True(job.Settings.HasChannelIdentification);
        Assert.False(job.Settings.ChannelIdentification);
        Assert.True(job.Settings.HasShowAlternatives);
        Assert.False(job.Settings.ShowAlternatives);
        Assert.False(job.Settings.HasShowSpeakerLabels);
        await _server.WatchToEndAsync("get-defaults");
    }

    [Fact]
    public async Task A_completed_job_has_its_times_detected_media_and_transcript_uri()
    {
        var job = await _server.RunAsync(Requests.Dictation("completed-fields", Media("completed-fields.wav")));

        var got = (await _server.Jobs.GetMedicalTranscriptionJobAsync(new GetMedicalTranscriptionJobRequest { MedicalTranscriptionJobName = "completed-fields" })).MedicalTranscriptionJob;
        Assert.Equal(job, got);
        Assert.Equal(TranscriptionJobStatus.Completed, got.TranscriptionJobStatus);
        Assert.Equal(MediaFormat.Wav, got.MediaFormat);
        Assert.Equal(16000, got.MediaSampleRateHertz);
        Assert.Equal("s3://out/completed-fields.json", got.Transcript.TranscriptFileUri);
        Assert.True(got.CreationTime.ToDateTimeOffset() <= got.StartTime.ToDateTimeOffset());
        Assert.True(got.StartTime.ToDateTimeOffset() <= got.CompletionTime.ToDateTimeOffset());
        Assert.True(_server.ObjectExists("out", "completed-fields.json"));
    }

    [Fact]
    public async Task The_output_key_decides_where_the_transcript_lands()
    {
        var request = Requests.Dictation("keyed", Media("keyed.wav"));
        request.OutputKey = "test-files/my-transcript";
        var job = await _server.RunAsync(request);
        Assert.Equal("s3://out/test-files/my-transcript/keyed.json", job.Transcript.TranscriptFileUri);
        Assert.True(_server.ObjectExists("out", "test-files/my-transcript/keyed.json"));
    }

    [Fact]
    public async Task A_second_job_of_the_same_name_is_a_conflict()
    {
        var request = Requests.Dictation("twice", Media("twice.wav"));
        await _server.Jobs.StartMedicalTranscriptionJobAsync(request);
        var e = await JobAssertions.RefusedAsync(async () => await _server.Jobs.StartMedicalTranscriptionJobAsync(request), StatusCode.AlreadyExists, "ConflictException");
        Assert.Equal("The requested job name already exists. Use a different job name.", e.Status.Detail);
        await _server.WatchToEndAsync("twice");
    }

    [Fact]
    public async Task An_invalid_request_is_refused_with_the_field_and_rule_in_rich_details()
    {
        var request = Requests.Dictation("bad", Media("bad.wav"));
        request.LanguageCode = LanguageCode.DeDe;
        var e = await JobAssertions.RefusedAsync(async () => await _server.Jobs.StartMedicalTranscriptionJobAsync(request), StatusCode.InvalidArgument, "BadRequestException");
        Assert.Contains("'languageCode'", e.Status.Detail);
        var violation = Assert.Single(e.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations);
        Assert.Equal("languageCode", violation.Field);
    }

    [Fact]
    public async Task A_request_with_no_fields_names_every_missing_required_field()
    {
        var e = await JobAssertions.RefusedAsync(async () => await _server.Jobs.StartMedicalTranscriptionJobAsync(new StartMedicalTranscriptionJobRequest()),
            StatusCode.InvalidArgument, "BadRequestException");
        var fields = e.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations.Select(v => v.Field).ToList();
        Assert.Equal(["medicalTranscriptionJobName", "languageCode", "media.mediaFileUri", "outputBucketName", "specialty", "type"], fields);
    }

    [Fact]
    public async Task A_body_that_is_not_the_request_message_is_BadRequestException()
    {
        // Bytes no protobuf encoder writes (field 0 of an invalid wire type): the request can't be read at all.
        var raw = new Method<byte[], byte[]>(MethodType.Unary, "medgrpc.transcribe.v1.MedicalTranscription", "StartMedicalTranscriptionJob",
            Marshallers.Create(b => b, b => b), Marshallers.Create(b => b, b => b));
        await JobAssertions.RefusedAsync(
            async () => await _server.Channel.CreateCallInvoker().AsyncUnaryCall(raw, null, new CallOptions(), [0xFF, 0xFF, 0xFF]),
            StatusCode.InvalidArgument, "BadRequestException");
    }

    [Fact]
    public async Task An_undefined_enum_number_is_refused_naming_the_enum_set()
    {
        var request = Requests.Dictation("undefined-enum", Media("undefined-enum.wav"));
        request.Type = (MedicalJobType)42;
        var e = await JobAssertions.RefusedAsync(async () => await _server.Jobs.StartMedicalTranscriptionJobAsync(request), StatusCode.InvalidArgument, "BadRequestException");
        Assert.Contains("Value '42' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [CONVERSATION, DICTATION]", e.Status.Detail);
    }

    [Fact]
    public async Task Media_that_is_not_in_its_bucket_is_refused_at_start()
    {
        var e = await JobAssertions.RefusedAsync(async () => await _server.Jobs.StartMedicalTranscriptionJobAsync(Requests.Dictation("no-media", "s3://media/missing.wav")),
            StatusCode.InvalidArgument, "BadRequestException");
        Assert.Contains("'media.mediaFileUri'", e.Status.Detail);
    }

    [Fact]
    public async Task Media_at_an_https_URL_of_the_object_store_is_transcribed_from_its_bucket()
    {
        Media("https-media.wav");

        var job = await _server.RunAsync(Requests.Dictation("https-media", "https://s3.amazonaws.com/media/https-media.wav"));

        Assert.Equal(TranscriptionJobStatus.Completed, job.TranscriptionJobStatus);
        Assert.Equal("https://s3.amazonaws.com/media/https-media.wav", job.Media.MediaFileUri);
    }

    [Fact]
    public async Task Media_at_an_https_URL_of_the_object_store_that_is_not_in_its_bucket_is_refused_at_start()
    {
        var e = await JobAssertions.RefusedAsync(
            async () => await _server.Jobs.StartMedicalTranscriptionJobAsync(Requests.Dictation("https-no-media", "https://s3.us-east-1.amazonaws.com/media/missing.wav")),
            StatusCode.InvalidArgument, "BadRequestException");
        Assert.Contains("'media.mediaFileUri'", e.Status.Detail);
    }

    [Fact]
    public async Task A_media_key_that_escapes_its_bucket_is_refused_at_start()
    {
        var e = await JobAssertions.RefusedAsync(async () => await _server.Jobs.StartMedicalTranscriptionJobAsync(Requests.Dictation("escape", "s3://media/../out/x.wav")),
            StatusCode.InvalidArgument, "BadRequestException");
        Assert.Contains("'media.mediaFileUri'", e.Status.Detail);
    }

    [Fact]
    public async Task An_output_bucket_that_does_not_exist_is_refused_at_start()
    {
        var e = await JobAssertions.RefusedAsync(async () => await _server.Jobs.StartMedicalTranscriptionJobAsync(Requests.Dictation("no-bucket", Media("no-bucket.wav"), "nowhere")),
            StatusCode.InvalidArgument, "BadRequestException");
        Assert.Contains("'outputBucketName'", e.Status.Detail);
    }

    [Fact]
    public async Task A_vocabulary_that_does_not_exist_is_refused_at_start()
    {
        var request = Requests.Dictation("no-vocabulary", Media("no-vocabulary.wav"));
        request.Settings = new MedicalTranscriptionSetting { VocabularyName = "cardiology" };
        var e = await JobAssertions.RefusedAsync(async () => await _server.Jobs.StartMedicalTranscriptionJobAsync(request), StatusCode.InvalidArgument, "BadRequestException");
        Assert.Contains("'settings.vocabularyName'", e.Status.Detail);
    }

    [Fact]
    public async Task Get_of_an_unknown_job_is_a_bad_request_as_in_AWS()
    {
        var e = await JobAssertions.RefusedAsync(async () => await _server.Jobs.GetMedicalTranscriptionJobAsync(new GetMedicalTranscriptionJobRequest { MedicalTranscriptionJobName = "never-started" }),
            StatusCode.InvalidArgument, "BadRequestException");
        Assert.Equal("The requested job couldn't be found. Check the job name and try your request again.", e.Status.Detail);
    }

    [Fact]
    public async Task List_pages_through_matching_jobs_newest_first()
    {
        for (var i = 0; i < 3; i++) await _server.RunAsync(Requests.Dictation($"paged-{i}", Media($"paged-{i}.wav")));

        var first = await _server.Jobs.ListMedicalTranscriptionJobsAsync(new ListMedicalTranscriptionJobsRequest { JobNameContains = "PAGED", MaxResults = 2 });
        Assert.Equal(["paged-2", "paged-1"], first.MedicalTranscriptionJobSummaries.Select(s => s.MedicalTranscriptionJobName));
        Assert.True(first.HasNextToken);
        var second = await _server.Jobs.ListMedicalTranscriptionJobsAsync(new ListMedicalTranscriptionJobsRequest { JobNameContains = "PAGED", MaxResults = 2, NextToken = first.NextToken });
        Assert.Equal(["paged-0"], second.MedicalTranscriptionJobSummaries.Select(s => s.MedicalTranscriptionJobName));
        Assert.False(second.HasNextToken);
        var summary = second.MedicalTranscriptionJobSummaries[0];
        Assert.Equal(TranscriptionJobStatus.Completed, summary.TranscriptionJobStatus);
        Assert.Equal(OutputLocationType.CustomerBucket, summary.OutputLocationType);
    }

    [Fact]
    public async Task List_filters_by_status()
    {
        await _server.RunAsync(Requests.Dictation("status-filter", Media("status-filter.wav")));
        var failed = await _server.Jobs.ListMedicalTranscriptionJobsAsync(new ListMedicalTranscriptionJobsRequest { Status = TranscriptionJobStatus.Failed, JobNameContains = "status-filter" });
        Assert.Empty(failed.MedicalTranscriptionJobSummaries);
        Assert.Equal(TranscriptionJobStatus.Failed, failed.Status);
        var completed = await _server.Jobs.ListMedicalTranscriptionJobsAsync(new ListMedicalTranscriptionJobsRequest { Status = TranscriptionJobStatus.Completed, JobNameContains = "status-filter" });
        Assert.Single(completed.MedicalTranscriptionJobSummaries);
    }

    [Fact]
    public async Task Delete_removes_a_finished_job_but_keeps_its_transcript()
    {
        await _server.RunAsync(Requests.Dictation("deleted", Media("deleted.wav")));
        await _server.Jobs.DeleteMedicalTranscriptionJobAsync(new DeleteMedicalTranscriptionJobRequest { MedicalTranscriptionJobName = "deleted" });
        await JobAssertions.RefusedAsync(async () => await _server.Jobs.GetMedicalTranscriptionJobAsync(new GetMedicalTranscriptionJobRequest { MedicalTranscriptionJobName = "deleted" }),
            StatusCode.InvalidArgument, "BadRequestException");
        Assert.True(_server.ObjectExists("out", "deleted.json"));
    }

    [Fact]
    public async Task A_deleted_name_can_be_used_again()
    {
        await _server.RunAsync(Requests.Dictation("reused", Media("reused.wav")));
        await _server.Jobs.DeleteMedicalTranscriptionJobAsync(new DeleteMedicalTranscriptionJobRequest { MedicalTranscriptionJobName = "reused" });
        var job = await _server.RunAsync(Requests.Dictation("reused", Media("reused.wav")));
        Assert.Equal(TranscriptionJobStatus.Completed, job.TranscriptionJobStatus);
    }

    [Fact]
    public async Task Delete_of_an_unfinished_job_is_refused()
    {
        var longMedia = _server.PutFile("media", "unfinished.wav", SpeechSet.Audio("dev-dict-01.wav"));
        await _server.Jobs.StartMedicalTranscriptionJobAsync(Requests.Dictation("unfinished", longMedia));
        var e = await JobAssertions.RefusedAsync(async () => await _server.Jobs.DeleteMedicalTranscriptionJobAsync(new DeleteMedicalTranscriptionJobRequest { MedicalTranscriptionJobName = "unfinished" }),
            StatusCode.InvalidArgument, "BadRequestException");
        Assert.Contains("only a COMPLETED or FAILED job can be deleted", e.Status.Detail);
        await _server.WatchToEndAsync("unfinished");
    }
}
