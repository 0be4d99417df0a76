using MedGrpc.Cli.Tests.Support;

namespace MedGrpc.Cli.Tests.Commands;

[Collection(CliCollection.Name)]
public sealed class StartCommandTests(CliServer server)
{
    private static string[] Start(string name, params string[] more) =>
        ["start", "--name", name, "--language-code", "en-US", "--type", "DICTATION", "--output-bucket", CliServer.OutputBucket, .. more];

    [Fact]
    public async Task Start_creates_the_job_and_prints_it_as_AWS_json()
    {
        var name = CliServer.NewName("start");

        var run = await server.ToolAsync(Start(name, "--media-uri", server.GoForwardUri, "--json"));

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        var job = run.Json().GetProperty("MedicalTranscriptionJob");
        Assert.Equal(name, job.GetProperty("MedicalTranscriptionJobName").GetString());
        Assert.Equal("en-US", job.GetProperty("LanguageCode").GetString());
        Assert.Equal("PRIMARYCARE", job.GetProperty("Specialty").GetString());
        Assert.Equal("DICTATION", job.GetProperty("Type").GetString());
        Assert.Equal(server.GoForwardUri, job.GetProperty("Media").GetProperty("MediaFileUri").GetString());
        Assert.Contains(job.GetProperty("TranscriptionJobStatus").GetString(), new[] { "QUEUED", "IN_PROGRESS", "COMPLETED" });
    }

    [Fact]
    public async Task Start_sends_settings_enums_and_tags_as_given_on_the_command_line()
    {
        var name = CliServer.NewName("settings");

        var run = await server.ToolAsync(
            "start", "--name", name, "--language-code", "en-US", "--type", "CONVERSATION", "--output-bucket", CliServer.OutputBucket,
            "--media-uri", server.GoForwardUri, "--media-format", "wav", "--media-sample-rate-hertz", "16000",
            "--output-key", "cli/settings.json", "--show-speaker-labels", "--max-speaker-labels", "2",
            "--content-identification-type", "PHI", "--tag", "clinic=north", "--tag", "empty=", "--json");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        var job = run.Json().GetProperty("MedicalTranscriptionJob");
        Assert.Equal("CONVERSATION", job.GetProperty("Type").GetString());
        Assert.Equal("wav", job.GetProperty("MediaFormat").GetString());
        Assert.Equal(16000, job.GetProperty("MediaSampleRateHertz").GetInt32());
        Assert.Equal("PHI", job.GetProperty("ContentIdentificationType").GetString());
        var settings = job.GetProperty("Settings");
        Assert.True(settings.GetProperty("ShowSpeakerLabels").GetBoolean());
        Assert.Equal(2, settings.GetProperty("MaxSpeakerLabels").GetInt32());
        // Left out on the command line, echoed with AWS's default, as AWS's own responses do.
        Assert.False(settings.GetProperty("ShowAlternatives").GetBoolean());
        Assert.False(settings.GetProperty("ChannelIdentification").GetBoolean());
        var tags = job.GetProperty("Tags").EnumerateArray().Select(t => $"{t.GetProperty("Key").GetString()}={t.GetProperty("Value").GetString()}");
        Assert.Equal(new[] { "clinic=north", "empty=" }, tags);
    }

    [Fact]
    public async Task Start_with_upload_puts_the_local_file_through_the_object_store_and_transcribes_it()
    {
        var name = CliServer.NewName("upload");

        var run = await server.ToolAsync(Start(name, "--upload", SpeechSet.GoForward, "--upload-bucket", "uploads", "--upload-key", $"{name}.wav", "--watch", "--json"));

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        var job = run.Json().GetProperty("MedicalTranscriptionJob");
        Assert.Equal($"s3://uploads/{name}.wav", job.GetProperty("Media").GetProperty("MediaFileUri").GetString());
        Assert.Equal("COMPLETED", job.GetProperty("TranscriptionJobStatus").GetString());
        Assert.Equal(File.ReadAllBytes(SpeechSet.GoForward), File.ReadAllBytes(Path.Combine(server.BucketPath("uploads"), $"{name}.wav")));
    }

    [Fact]
    public async Task Start_with_watch_follows_the_job_and_ends_with_its_transcript_text()
    {
        var name = CliServer.NewName("startwatch");

        var run = await server.ToolAsync(Start(name, "--media-uri", server.GoForwardUri, "--watch"));

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Contains("COMPLETED", run.Out);
        Assert.Contains("forward", run.Out, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"{name}: completed 100%", run.Error);
    }

    [Fact]
    public async Task Start_with_watch_exits_1_with_the_failure_reason_when_the_job_fails()
    {
        var name = CliServer.NewName("startfail");

        var run = await server.ToolAsync(Start(name, "--media-uri", server.NotAudioUri, "--watch"));

        Assert.True(run.ExitCode == ExitCodes.JobFailed, run.ToString());
        Assert.Contains("FAILED", run.Out);
        Assert.Contains("Unsupported media format", run.Error);
    }

    [Fact]
    public async Task Start_of_a_name_in_use_exits_3_with_ConflictException()
    {
        var name = CliServer.NewName("conflict");
        await server.StartAsync(name, server.GoForwardUri);

        var run = await server.ToolAsync(Start(name, "--media-uri", server.GoForwardUri));

        Assert.True(run.ExitCode == ExitCodes.ServiceError, run.ToString());
        Assert.StartsWith("ConflictException: ", run.Error);
    }

    [Fact]
    public async Task Start_that_breaks_a_rule_exits_3_and_names_the_field()
    {
        var run = await server.ToolAsync(Start(CliServer.NewName("badrule"), "--media-uri", server.GoForwardUri, "--show-speaker-labels", "--max-speaker-labels", "1"));

        Assert.True(run.ExitCode == ExitCodes.ServiceError, run.ToString());
        Assert.StartsWith("BadRequestException: 1 validation error detected", run.Error);
        Assert.Contains("  settings.maxSpeakerLabels: ", run.Error);
    }

    [Fact]
    public async Task Start_with_an_AWS_language_code_that_medical_jobs_refuse_exits_3()
    {
        var run = await server.ToolAsync(
            "start", "--name", CliServer.NewName("german"), "--language-code", "de-DE", "--type", "DICTATION",
            "--output-bucket", CliServer.OutputBucket, "--media-uri", server.GoForwardUri);

        Assert.True(run.ExitCode == ExitCodes.ServiceError, run.ToString());
        Assert.StartsWith("BadRequestException: ", run.Error);
    }

    [Fact]
    public async Task Start_with_a_value_that_is_no_AWS_language_code_exits_2()
    {
        var run = await server.ToolAsync(
            "start", "--name", CliServer.NewName("nolang"), "--language-code", "english", "--type", "DICTATION",
            "--output-bucket", CliServer.OutputBucket, "--media-uri", server.GoForwardUri);

        Assert.True(run.ExitCode == ExitCodes.UsageError, run.ToString());
        Assert.Contains("'english' is not an AWS LanguageCode for --language-code", run.Error);
    }

    [Fact]
    public async Task Start_with_an_unknown_job_type_exits_2_and_lists_the_AWS_values()
    {
        var run = await server.ToolAsync(
            "start", "--name", CliServer.NewName("notype"), "--language-code", "en-US", "--type", "LECTURE",
            "--output-bucket", CliServer.OutputBucket, "--media-uri", server.GoForwardUri);

        Assert.True(run.ExitCode == ExitCodes.UsageError, run.ToString());
        Assert.Contains("expected one of: CONVERSATION, DICTATION", run.Error);
    }

    [Fact]
    public async Task Start_without_a_required_option_exits_2()
    {
        var run = await server.ToolAsync("start", "--name", CliServer.NewName("noreq"), "--language-code", "en-US", "--media-uri", server.GoForwardUri);

        Assert.True(run.ExitCode == ExitCodes.UsageError, run.ToString());
        Assert.Contains("--type", run.Error);
        Assert.Contains("--output-bucket", run.Error);
    }

    [Fact]
    public async Task Start_with_both_a_media_uri_and_an_upload_exits_2()
    {
        var run = await server.ToolAsync(Start(CliServer.NewName("twomedia"), "--media-uri", server.GoForwardUri, "--upload", SpeechSet.GoForward, "--upload-bucket", "uploads"));

        Assert.True(run.ExitCode == ExitCodes.UsageError, run.ToString());
        Assert.Contains("either as --media-uri or as --upload", run.Error);
    }

    [Fact]
    public async Task Start_with_a_tag_without_equals_sign_exits_2()
    {
        var run = await server.ToolAsync(Start(CliServer.NewName("badtag"), "--media-uri", server.GoForwardUri, "--tag", "clinic"));

        Assert.True(run.ExitCode == ExitCodes.UsageError, run.ToString());
        Assert.Contains("'clinic' is not KEY=VALUE for --tag", run.Error);
    }

    [Fact]
    public async Task Start_with_a_sample_rate_that_is_no_number_exits_2()
    {
        var run = await server.ToolAsync(Start(CliServer.NewName("badrate"), "--media-uri", server.GoForwardUri, "--media-sample-rate-hertz", "16k"));

        Assert.True(run.ExitCode == ExitCodes.UsageError, run.ToString());
        Assert.Contains("'16k' is not a whole number for --media-sample-rate-hertz", run.Error);
    }
}
