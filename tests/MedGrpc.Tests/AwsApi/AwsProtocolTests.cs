using System.Net;
using System.Text.Json;
using Grpc.Core;
using MedGrpc.Tests.Support;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Tests.AwsApi;

/// <summary>
/// The AWS JSON 1.1 protocol and Signature Version 4 at the wire, for what SDKs never send: members of the wrong name
/// or type, clocks off by more than 15 minutes, malformed signatures; and the answer's own form.
/// </summary>
public sealed class AwsProtocolTests(AwsEndpointFixture fixture) : IClassFixture<AwsEndpointFixture>
{
    private SignedAwsClient Client(string secret = AwsEndpointFixture.SecretAccessKey) =>
        new(fixture.Endpoint, AwsEndpointFixture.AccessKeyId, secret);

    [Fact]
    public async Task An_answer_is_JSON_of_PascalCase_members_with_epoch_second_timestamps_and_no_unset_member()
    {
        await fixture.Server.Jobs.StartMedicalTranscriptionJobAsync(Requests.Dictation("wire-get", fixture.GoForwardUri));
        using var client = Client();

        using var response = await client.SendAsync("GetMedicalTranscriptionJob", """{"MedicalTranscriptionJobName": "wire-get"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-amz-json-1.1", response.Content.Headers.ContentType?.MediaType);
        Assert.True(Guid.TryParse(response.Headers.GetValues("x-amzn-RequestId").Single(), out _));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var job = json.RootElement.GetProperty("MedicalTranscriptionJob");
        Assert.Equal("wire-get", job.GetProperty("MedicalTranscriptionJobName").GetString());
        Assert.Equal(JsonValueKind.Number, job.GetProperty("CreationTime").ValueKind);
        var grpc = (await fixture.Server.Jobs.GetMedicalTranscriptionJobAsync(new() { MedicalTranscriptionJobName = "wire-get" })).MedicalTranscriptionJob;
        Assert.Equal(grpc.CreationTime.ToDateTimeOffset().ToUnixTimeMilliseconds(), (long)(job.GetProperty("CreationTime").GetDecimal() * 1000));
        Assert.False(job.TryGetProperty("FailureReason", out _));
        Assert.False(job.TryGetProperty("Tags", out _));
        Assert.False(job.TryGetProperty("ContentIdentificationType", out _));
        Assert.Equal("s3://media/goforward.wav", job.GetProperty("Media").GetProperty("MediaFileUri").GetString());
    }

    [Theory]
    [InlineData("""{"MedicalTranscriptionJobName": "x", "JobName": "x"}""", "GetMedicalTranscriptionJob", "'jobName' isn't a member")]
    [InlineData("""{"medicalTranscriptionJobName": "x"}""", "GetMedicalTranscriptionJob", "'medicalTranscriptionJobName' isn't a member")]
    [InlineData("""{"MaxResults": "5"}""", "ListMedicalTranscriptionJobs", "The value at 'maxResults' isn't an integer")]
    [InlineData("""{"MaxResults": 2.5}""", "ListMedicalTranscriptionJobs", "The value at 'maxResults' isn't an integer")]
    [InlineData("""{"Status": "DONE"}""", "ListMedicalTranscriptionJobs", "Value 'DONE' at 'status' failed to satisfy constraint: Member must satisfy enum value set: [QUEUED, IN_PROGRESS, FAILED, COMPLETED]")]
    [InlineData("""{"MedicalTranscriptionJobName": "x", "Settings": {"ShowSpeakerLabels": "yes"}}""", "StartMedicalTranscriptionJob", "The value at 'settings.showSpeakerLabels' isn't a boolean")]
    [InlineData("""{"ResourceArn": "arn:aws:transcribe:us-east-1:000000000000:medical-transcription-job/x", "Tags": {"k": "v"}}""", "TagResource", "The value at 'tags' isn't a JSON array")]
    [InlineData("""["not", "an", "object"]""", "ListMedicalTranscriptionJobs", "isn't a JSON object")]
    [InlineData("""{"MaxResults": """, "ListMedicalTranscriptionJobs", "doesn't parse as JSON")]
    public async Task A_body_the_model_does_not_allow_is_a_BadRequest_naming_the_member(string body, string operation, string message)
    {
        using var client = Client();

        using var response = await client.SendAsync(operation, body);

        await AwsErrors.AssertAsync(response, "BadRequestException", message);
    }

    /// <summary>The AWS endpoint's operations: the unary methods of the gRPC service.</summary>
    public static TheoryData<string> Operations() =>
        [.. MedicalTranscriptionReflection.Descriptor.Services.Single(s => s.Name == "MedicalTranscription").Methods
            .Where(m => !m.IsServerStreaming && !m.IsClientStreaming).Select(m => m.Name)];

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task A_body_that_does_not_parse_is_a_BadRequest_on_every_operation(string operation)
    {
        using var client = Client();

        foreach (var body in new[] { "\u0000\u00ff{", "{\"MedicalTranscriptionJobName\": \"x\",}", "{{}}" })
        {
            using var response = await client.SendAsync(operation, body);
            await AwsErrors.AssertAsync(response, "BadRequestException", "doesn't parse as JSON");
        }
    }

    [Fact]
    public async Task An_operation_outside_the_twelve_is_a_BadRequest_that_lists_them()
    {
        using var client = Client();
        using var response = await client.SendAsync("StartTranscriptionJob", "{}");
        await AwsErrors.AssertAsync(response, "BadRequestException", "Transcribe.{StartMedicalTranscriptionJob, GetMedicalTranscriptionJob");
    }

    [Fact]
    public async Task A_body_of_another_content_type_is_a_BadRequest()
    {
        using var client = Client();
        using var response = await client.SendAsync("ListMedicalTranscriptionJobs", "{}", contentType: "text/plain");
        await AwsErrors.AssertAsync(response, "BadRequestException", "application/x-amz-json-1.1");
    }

    [Fact]
    public async Task A_clock_14_minutes_off_is_accepted_and_16_minutes_off_is_an_InvalidSignature()
    {
        using var client = Client();
        using var slow = await client.SendAsync("ListMedicalTranscriptionJobs", "{}", DateTime.UtcNow.AddMinutes(-14));
        using var fast = await client.SendAsync("ListMedicalTranscriptionJobs", "{}", DateTime.UtcNow.AddMinutes(14));
        Assert.Equal(HttpStatusCode.OK, slow.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fast.StatusCode);

        using var expired = await client.SendAsync("ListMedicalTranscriptionJobs", "{}", DateTime.UtcNow.AddMinutes(-16));
        await AwsErrors.AssertAsync(expired, "InvalidSignatureException", "Signature expired");
        using var early = await client.SendAsync("ListMedicalTranscriptionJobs", "{}", DateTime.UtcNow.AddMinutes(16));
        await AwsErrors.AssertAsync(early, "InvalidSignatureException", "Signature not yet current");
    }

    [Fact]
    public async Task Any_region_is_accepted_but_another_service_is_an_InvalidSignature()
    {
        using var elsewhere = new SignedAwsClient(fixture.Endpoint, AwsEndpointFixture.AccessKeyId, AwsEndpointFixture.SecretAccessKey) { Region = "ap-southeast-2" };
        using var accepted = await elsewhere.SendAsync("ListMedicalTranscriptionJobs", "{}");
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);

        using var s3 = new SignedAwsClient(fixture.Endpoint, AwsEndpointFixture.AccessKeyId, AwsEndpointFixture.SecretAccessKey) { Service = "s3" };
        using var refused = await s3.SendAsync("ListMedicalTranscriptionJobs", "{}");
        await AwsErrors.AssertAsync(refused, "InvalidSignatureException", "Credential should be scoped to correct service: 'transcribe'.");
    }

    [Fact]
    public async Task A_body_changed_after_signing_is_an_InvalidSignature()
    {
        using var client = Client();
        using var response = await client.SendAsync("ListMedicalTranscriptionJobs", "{}",
            tamper: request => request.Content = new StringContent("""{"MaxResults": 7}""", null, "application/x-amz-json-1.1"));
        await AwsErrors.AssertAsync(response, "InvalidSignatureException", "does not match the signature you provided");
    }

    [Theory]
    [InlineData("AWS4-HMAC-SHA256 SignedHeaders=host;x-amz-date, Signature=0000000000000000000000000000000000000000000000000000000000000000", "requires 'Credential' parameter")]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKIAMEDGRPCTEST00001/20261206/us-east-1/transcribe/aws4_request, SignedHeaders=host;x-amz-date", "requires 'Signature' parameter")]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKIAMEDGRPCTEST00001/us-east-1/transcribe/aws4_request, SignedHeaders=host;x-amz-date, Signature=0000000000000000000000000000000000000000000000000000000000000000", "5 slash-delimited elements")]
    [InlineData("Bearer some-api-key", "Unsupported AWS 'algorithm': 'Bearer'")]
    public async Task A_malformed_Authorization_is_an_IncompleteSignature(string authorization, string message)
    {
        using var client = Client();
        using var response = await client.SendAsync("ListMedicalTranscriptionJobs", "{}", tamper: request =>
        {
            request.Headers.Remove("Authorization");
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        });
        await AwsErrors.AssertAsync(response, "IncompleteSignatureException", message);
    }

    [Fact]
    public async Task No_Authorization_is_a_MissingAuthenticationToken()
    {
        using var client = Client();
        using var response = await client.SendAsync("ListMedicalTranscriptionJobs", "{}", tamper: request => request.Headers.Remove("Authorization"));
        await AwsErrors.AssertAsync(response, "MissingAuthenticationTokenException", "Missing Authentication Token");
    }

    [Fact]
    public async Task A_job_started_through_the_AWS_endpoint_is_watched_to_its_end_over_gRPC_WatchJob()
    {
        using var client = Client();
        using var started = await client.SendAsync("StartMedicalTranscriptionJob", $$"""
            {"MedicalTranscriptionJobName": "wire-watched", "LanguageCode": "en-US", "Media": {"MediaFileUri": "{{fixture.GoForwardUri}}"},
             "OutputBucketName": "out", "Specialty": "PRIMARYCARE", "Type": "DICTATION"}
            """);
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);

        var events = await fixture.Server.WatchToEndAsync("wire-watched");

        Assert.Equal(TranscriptionJobStatus.Completed, events[^1].MedicalTranscriptionJob.TranscriptionJobStatus);
        Assert.False(string.IsNullOrWhiteSpace(events[^1].Transcript.Results.Transcripts.Single().Transcript));
        Assert.Contains(events, e => e.MedicalTranscriptionJob.TranscriptionJobStatus == TranscriptionJobStatus.InProgress);
        using var got = await client.SendAsync("GetMedicalTranscriptionJob", """{"MedicalTranscriptionJobName": "wire-watched"}""");
        using var json = JsonDocument.Parse(await got.Content.ReadAsStringAsync());
        Assert.Equal("COMPLETED", json.RootElement.GetProperty("MedicalTranscriptionJob").GetProperty("TranscriptionJobStatus").GetString());
    }
}
