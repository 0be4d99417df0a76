using System.Text.Json.Nodes;
using MedGrpc.Tests.Polyglot;

namespace MedGrpc.Tests.AwsApi;

/// <summary>The AWS CLI v2 (Debian's awscli), unmodified, against the AWS endpoint: `aws transcribe … --endpoint-url`.</summary>
public sealed class AwsCliTests(AwsEndpointFixture fixture) : IClassFixture<AwsEndpointFixture>
{
    [Fact]
    public async Task A_job_started_with_the_CLI_is_polled_to_COMPLETED_listed_and_its_transcript_written()
    {
        var started = Json(await Succeeds("start-medical-transcription-job", "--medical-transcription-job-name", "cli-job",
            "--language-code", "en-US", "--media", $"MediaFileUri={fixture.GoForwardUri}", "--output-bucket-name", "out",
            "--specialty", "PRIMARYCARE", "--type", "DICTATION", "--tags", "Key=via,Value=cli"));
        Assert.Equal("cli-job", (string?)started["MedicalTranscriptionJob"]!["MedicalTranscriptionJobName"]);

        JsonNode job;
        var deadline = DateTime.UtcNow.AddMinutes(4);
        do
        {
            job = Json(await Succeeds("get-medical-transcription-job", "--medical-transcription-job-name", "cli-job"))["MedicalTranscriptionJob"]!;
        } while ((string?)job["TranscriptionJobStatus"] is "QUEUED" or "IN_PROGRESS" && DateTime.UtcNow < deadline);

        Assert.True((string?)job["TranscriptionJobStatus"] == "COMPLETED", job.ToJsonString());
        Assert.Equal("s3://out/cli-job.json", (string?)job["Transcript"]!["TranscriptFileUri"]);
        // The CLI prints the endpoint's epoch seconds as ISO 8601 dates.
        Assert.True(DateTimeOffset.Parse((string)job["CompletionTime"]!) >= DateTimeOffset.Parse((string)job["CreationTime"]!));
        Assert.True(fixture.Server.ObjectExists("out", "cli-job.json"));

        var listed = Json(await Succeeds("list-medical-transcription-jobs", "--job-name-contains", "CLI-JOB", "--status", "COMPLETED"));
        Assert.Equal(["cli-job"], listed["MedicalTranscriptionJobSummaries"]!.AsArray().Select(s => (string)s!["MedicalTranscriptionJobName"]!));
        var tags = Json(await Succeeds("list-tags-for-resource", "--resource-arn",
            $"arn:aws:transcribe:us-east-1:{AwsEndpointFixture.Account}:medical-transcription-job/cli-job"));
        Assert.Equal("cli", (string?)tags["Tags"]![0]!["Value"]);
    }

    [Fact]
    public async Task A_vocabulary_created_with_the_CLI_is_got_and_deleted()
    {
        var file = Support.Vocabularies.PutTable(fixture.Server, "vocabularies/cli-vocabulary.txt", "metformin\t\t\t");
        var created = Json(await Succeeds("create-medical-vocabulary", "--vocabulary-name", "cli-vocabulary", "--language-code", "en-US",
            "--vocabulary-file-uri", file));
        Assert.Equal("PENDING", (string?)created["VocabularyState"]);
        await Support.Vocabularies.WaitUntilSettledAsync(fixture.Server, "cli-vocabulary");

        var got = Json(await Succeeds("get-medical-vocabulary", "--vocabulary-name", "cli-vocabulary"));
        Assert.Equal("READY", (string?)got["VocabularyState"]);
        await Succeeds("delete-medical-vocabulary", "--vocabulary-name", "cli-vocabulary");
        var gone = await AwsClients.CliAsync(fixture, "get-medical-vocabulary", "--vocabulary-name", "cli-vocabulary");
        Assert.Contains("(NotFoundException)", gone.Errors);
    }

    [Fact]
    public async Task Refusals_print_their_AWS_error_codes()
    {
        var unknown = await AwsClients.CliAsync(fixture, "get-medical-transcription-job", "--medical-transcription-job-name", "no-such-job");
        Assert.NotEqual(0, unknown.ExitCode);
        Assert.Contains("An error occurred (BadRequestException) when calling the GetMedicalTranscriptionJob operation: The requested job couldn't be found.", unknown.Errors);

        var wrongSecret = await AwsClients.CliAsync(fixture, fixture.ClientEnvironment(secret: "not-the-secret"), "list-medical-transcription-jobs");
        Assert.Contains("(InvalidSignatureException)", wrongSecret.Errors);

        var unknownKey = await AwsClients.CliAsync(fixture, fixture.ClientEnvironment(accessKeyId: "AKIAUNKNOWNKEY000000"), "list-medical-transcription-jobs");
        Assert.Contains("(UnrecognizedClientException)", unknownKey.Errors);

        var unsigned = await AwsClients.CliAsync(fixture, "list-medical-transcription-jobs", "--no-sign-request");
        Assert.Contains("(MissingAuthenticationTokenException)", unsigned.Errors);
    }

    private async Task<string> Succeeds(params string[] args)
    {
        var run = await AwsClients.CliAsync(fixture, args);
        Assert.True(run.ExitCode == 0, run.ToString());
        return run.Output;
    }

    private static JsonNode Json(string output) => JsonNode.Parse(output)!;
}
