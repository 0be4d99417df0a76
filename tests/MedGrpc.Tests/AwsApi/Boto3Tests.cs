using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MedGrpc.Tests.Support;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Tests.AwsApi;

/// <summary>boto3 (Debian's python3-boto3), unmodified, against the AWS endpoint: tests/aws-clients/python/transcribe_client.py.</summary>
public sealed class Boto3Tests(AwsEndpointFixture fixture) : IClassFixture<AwsEndpointFixture>
{
    private TestServer Server => fixture.Server;

    [Fact]
    public async Task A_job_started_with_boto3_completes_and_an_AWS_style_parser_reads_its_transcript()
    {
        var report = await AwsClients.Boto3Async(fixture, "job", "boto3-job", fixture.GoForwardUri, "out");

        var started = report["started"]!;
        Assert.Equal("boto3-job", (string?)started["MedicalTranscriptionJobName"]);
        Assert.Contains((string?)started["TranscriptionJobStatus"], new[] { "QUEUED", "IN_PROGRESS" });
        var final = report["final"]!;
        Assert.True((string?)final["TranscriptionJobStatus"] == "COMPLETED", report.ToJsonString());
        Assert.Equal("s3://out/boto3-job.json", (string?)final["Transcript"]!["TranscriptFileUri"]);
        Assert.Equal("clinic", (string?)final["Tags"]![0]!["Key"]);
        Assert.Equal("wav", (string?)final["MediaFormat"]);
        Assert.Equal(16000, (int?)final["MediaSampleRateHertz"]);

        // The gRPC edge sees the same job: boto3 made these datetimes from the endpoint's epoch seconds.
        var job = (await Server.Jobs.GetMedicalTranscriptionJobAsync(new() { MedicalTranscriptionJobName = "boto3-job" })).MedicalTranscriptionJob;
        Assert.Equal(job.CreationTime.ToDateTimeOffset(), DateTimeOffset.Parse((string)final["CreationTime"]!), TimeSpan.FromMilliseconds(1));
        Assert.Equal(job.CompletionTime.ToDateTimeOffset(), DateTimeOffset.Parse((string)final["CompletionTime"]!), TimeSpan.FromMilliseconds(1));

        // What the parser read is the object the service wrote.
        var transcript = report["transcript"]!;
        using var written = JsonDocument.Parse(Server.ReadObjectText("out", "boto3-job.json")!);
        var text = written.RootElement.GetProperty("results").GetProperty("transcripts")[0].GetProperty("transcript").GetString();
        Assert.False(string.IsNullOrWhiteSpace(text));
        Assert.Equal(text, (string?)transcript["transcript"]);
        Assert.Equal(AwsEndpointFixture.Account, (string?)transcript["accountId"]);
        Assert.Equal("COMPLETED", (string?)transcript["status"]);
        var words = transcript["words"]!.AsArray().Select(w => (string)w!).ToList();
        Assert.NotEmpty(words);
        Assert.Equal(Normalize(text!), Normalize(string.Join(' ', words)));
    }

    [Fact]
    public async Task List_filters_by_name_in_any_case_and_by_status_and_pages_through_NextToken()
    {
        // Five jobs started over gRPC, failed at the probe (bytes no decoder reads), so their status holds still.
        var media = Server.PutBytes("media", "boto3-list.wav", Encoding.UTF8.GetBytes("not a recording"));
        var names = Enumerable.Range(1, 5).Select(i => $"boto3-List-{i}").ToList();
        foreach (var name in names) await Server.Jobs.StartMedicalTranscriptionJobAsync(Requests.Dictation(name, media, "out"));
        foreach (var name in names) await Server.WatchToEndAsync(name);

        var report = await AwsClients.Boto3Async(fixture, "list", "boto3-list-");

        var pages = report["pages"]!.AsArray().Select(p => p!.AsArray().Select(n => (string)n!).ToList()).ToList();
        Assert.Equal([2, 2, 1], pages.Select(p => p.Count));
        Assert.Equal(names.AsEnumerable().Reverse(), pages.SelectMany(p => p)); // newest first
        var byStatus = report["byStatus"]!;
        Assert.Equal(names.Order(), byStatus["FAILED"]!["names"]!.AsArray().Select(n => (string)n!).Order());
        Assert.Equal("FAILED", (string?)byStatus["FAILED"]!["echoed"]);
        foreach (var status in new[] { "QUEUED", "IN_PROGRESS", "COMPLETED" })
            Assert.Empty(byStatus[status]!["names"]!.AsArray());
        var summary = report["summary"]!;
        Assert.Equal("boto3-List-5", (string?)summary["MedicalTranscriptionJobName"]);
        Assert.Equal("CUSTOMER_BUCKET", (string?)summary["OutputLocationType"]);
        Assert.False(string.IsNullOrEmpty((string?)summary["FailureReason"]));
        Assert.NotNull(summary["CompletionTime"]);
    }

    [Fact]
    public async Task A_vocabulary_created_with_boto3_becomes_READY_and_a_job_uses_it()
    {
        var file = Server.PutTable("vocabularies/boto3-vocabulary.txt", "metformin\t\t\t", "lisinopril\t\t\t");

        var report = await AwsClients.Boto3Async(fixture, "vocabulary", "boto3-vocabulary", file, "boto3-vocabulary-job", fixture.GoForwardUri, "out");

        Assert.Equal("PENDING", (string?)report["created"]!["VocabularyState"]);
        Assert.Equal("READY", (string?)report["ready"]!["VocabularyState"]);
        Assert.Equal(file, (string?)report["ready"]!["DownloadUri"]);
        Assert.Equal("COMPLETED", (string?)report["job"]!["TranscriptionJobStatus"]);
        Assert.Equal("boto3-vocabulary", (string?)report["job"]!["Settings"]!["VocabularyName"]);
        Assert.Equal(["boto3-vocabulary"], report["listed"]!["Vocabularies"]!.AsArray().Select(v => (string)v!["VocabularyName"]!));
        Assert.Equal("READY", (string?)report["listed"]!["Status"]);
        Assert.Equal("PENDING", (string?)report["updated"]!["VocabularyState"]);
        Assert.Equal("READY", (string?)report["readyAgain"]!["VocabularyState"]);
        Assert.Equal("NotFoundException", (string?)report["afterDelete"]);
        var job = (await Server.Jobs.GetMedicalTranscriptionJobAsync(new() { MedicalTranscriptionJobName = "boto3-vocabulary-job" })).MedicalTranscriptionJob;
        Assert.Equal("boto3-vocabulary", job.Settings.VocabularyName);
    }

    [Fact]
    public async Task Tags_set_with_boto3_are_listed_and_removed_on_both_edges()
    {
        var media = Server.PutBytes("media", "boto3-tags.wav", Encoding.UTF8.GetBytes("not a recording"));
        await Server.Jobs.StartMedicalTranscriptionJobAsync(Requests.Dictation("boto3-tags", media, "out"));
        var arn = $"arn:aws:transcribe:us-east-1:{AwsEndpointFixture.Account}:medical-transcription-job/boto3-tags";

        var report = await AwsClients.Boto3Async(fixture, "tags", arn);

        Assert.Equal(arn, (string?)report["tagged"]!["ResourceArn"]);
        Assert.Equal(["team=blue", "ward=7"], Tags(report["tagged"]!).Order());
        Assert.Equal(["ward=7"], Tags(report["untagged"]!));
        var listed = await Server.Jobs.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceArn = arn });
        Assert.Equal(["ward=7"], listed.Tags.Select(t => $"{t.Key}={t.Value}"));
    }

    [Fact]
    public async Task Requests_AWS_refuses_come_back_with_their_AWS_error_codes()
    {
        var media = Server.PutBytes("media", "boto3-taken.wav", Encoding.UTF8.GetBytes("not a recording"));
        await Server.Jobs.StartMedicalTranscriptionJobAsync(Requests.Dictation("boto3-taken", media, "out"));
        // Long enough to be running while the refusals are made (a second or two).
        var running = Server.PutFile("media", "boto3-running.wav", MediaFiles.Dictation30Seconds);
        await Server.Jobs.StartMedicalTranscriptionJobAsync(Requests.Dictation("boto3-running", running, "out"));

        var answers = await AwsClients.Boto3Async(fixture, "refusals", fixture.GoForwardUri, "out", "boto3-taken", "boto3-running");

        var expected = new Dictionary<string, string>
        {
            ["unknown job"] = "BadRequestException",
            ["name taken"] = "ConflictException",
            ["language fr-FR"] = "BadRequestException",
            ["bad name"] = "BadRequestException",
            ["bucket with s3 prefix"] = "BadRequestException",
            ["no such bucket"] = "BadRequestException",
            ["no such media"] = "BadRequestException",
            ["sample rate 8000"] = "BadRequestException",
            ["speakers with channels"] = "BadRequestException",
            ["max results 101"] = "BadRequestException",
            ["forged next token"] = "BadRequestException",
            ["delete running job"] = "BadRequestException",
            ["unknown vocabulary"] = "NotFoundException",
            ["job with unknown vocabulary"] = "BadRequestException",
            ["tag unknown resource"] = "NotFoundException",
            ["standard job operation"] = "BadRequestException",
        };
        Assert.Equal(expected, answers.AsObject().ToDictionary(a => a.Key, a => (string)a.Value!["code"]!));
        Assert.All(answers.AsObject(), a => Assert.Equal(400, (int?)a.Value!["status"]));
        Assert.Equal("The requested job couldn't be found. Check the job name and try your request again.", (string?)answers["unknown job"]!["message"]);
        Assert.Equal("The requested job name already exists. Use a different job name.", (string?)answers["name taken"]!["message"]);
        Assert.Contains("'mediaSampleRateHertz'", (string?)answers["sample rate 8000"]!["message"]);
    }

    [Fact]
    public async Task A_wrong_secret_an_unknown_key_and_no_credentials_are_refused_as_AWS_names_them()
    {
        var answers = await AwsClients.Boto3Async(fixture, "credentials", AwsEndpointFixture.AccessKeyId);

        Assert.Equal("InvalidSignatureException", (string?)answers["wrong secret"]!["code"]);
        Assert.Equal("UnrecognizedClientException", (string?)answers["unknown key"]!["code"]);
        Assert.Equal("MissingAuthenticationTokenException", (string?)answers["no credentials"]!["code"]);
    }

    private static IEnumerable<string> Tags(JsonNode response) =>
        response["Tags"]!.AsArray().Select(t => $"{(string)t!["Key"]!}={(string)t["Value"]!}");

    // The transcript's text against its items: the same words, whatever the punctuation and case.
    private static string Normalize(string text) =>
        string.Join(' ', text.ToLowerInvariant().Split([' ', '.', ',', '?', '!'], StringSplitOptions.RemoveEmptyEntries));
}
