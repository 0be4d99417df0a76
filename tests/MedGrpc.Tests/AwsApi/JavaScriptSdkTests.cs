using System.Text;
using MedGrpc.Tests.Support;

namespace MedGrpc.Tests.AwsApi;

/// <summary>The AWS SDK for JavaScript v3 (@aws-sdk/client-transcribe from npm), unmodified: tests/aws-clients/js/transcribe_client.mjs.</summary>
public sealed class JavaScriptSdkTests(AwsEndpointFixture fixture) : IClassFixture<AwsEndpointFixture>
{
    [Fact]
    public async Task A_job_started_with_the_JS_SDK_completes_and_an_AWS_style_parser_reads_its_transcript()
    {
        var report = await AwsClients.JavaScriptAsync(fixture, "job", "js-job", fixture.GoForwardUri, "out");

        Assert.Contains((string?)report["started"]!["TranscriptionJobStatus"], new[] { "QUEUED", "IN_PROGRESS" });
        Assert.True((string?)report["final"]!["TranscriptionJobStatus"] == "COMPLETED", report.ToJsonString());
        Assert.True((bool)report["creationTimeIsDate"]!);
        Assert.Equal(["js-job"], report["listed"]!.AsArray().Select(n => (string)n!));
        Assert.Equal("js", (string?)report["tags"]![0]!["Value"]);
        var transcript = report["transcript"]!;
        Assert.Equal("js-job", (string?)transcript["jobName"]);
        var text = (string?)transcript["transcript"];
        Assert.False(string.IsNullOrWhiteSpace(text));
        using var written = System.Text.Json.JsonDocument.Parse(fixture.Server.ReadObjectText("out", "js-job.json")!);
        Assert.Equal(written.RootElement.GetProperty("results").GetProperty("transcripts")[0].GetProperty("transcript").GetString(), text);
        Assert.NotEmpty(transcript["words"]!.AsArray());
    }

    [Fact]
    public async Task Refusals_and_bad_credentials_come_back_as_the_SDK_names_them()
    {
        var media = fixture.Server.PutBytes("media", "js-taken.wav", Encoding.UTF8.GetBytes("not a recording"));
        await fixture.Server.Jobs.StartMedicalTranscriptionJobAsync(Requests.Dictation("js-taken", media, "out"));

        var answers = await AwsClients.JavaScriptAsync(fixture, "refusals", "js-taken", fixture.GoForwardUri, "out");

        Assert.Equal("BadRequestException", (string?)answers["unknown job"]!["code"]);
        Assert.Equal(400, (int?)answers["unknown job"]!["status"]);
        Assert.Equal("ConflictException", (string?)answers["name taken"]!["code"]);
        Assert.Equal("InvalidSignatureException", (string?)answers["wrong secret"]!["code"]);
        Assert.Equal("UnrecognizedClientException", (string?)answers["unknown key"]!["code"]);
    }
}
