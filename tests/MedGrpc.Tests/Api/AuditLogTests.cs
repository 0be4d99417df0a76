using Grpc.Core;
using MedGrpc.Service.Api;
using MedGrpc.Tests.AwsApi;
using MedGrpc.Tests.Support;
using MedGrpc.Transcribe.V1;
using Microsoft.Extensions.Logging;

namespace MedGrpc.Tests.Api;

/// <summary>One audit line per call on the MedGrpc.Audit category, on both edges: account, caller, action, resource, result.</summary>
public sealed class AuditLogTests : IAsyncLifetime
{
    private readonly CapturedLogs _logs = new();
    private readonly int _awsPort = FreePort.Next();
    private TestServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = new TestServer(1, backend: TestBackend.Embedded, settings:
            [$"--MedGrpc:AwsApi:Port={_awsPort}", "--MedGrpc:AwsApi:Host=127.0.0.1", "--Logging:LogLevel:MedGrpc.Audit=Information"])
        {
            Configure = b => b.Logging.AddProvider(_logs),
        };
        await _server.StartAppAsync();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private List<Dictionary<string, string>> AuditLines() => _logs.Entries
        .Where(l => l.Category == AuditLog.Category)
        .Select(l => l.Values.ToDictionary(v => v.Key, v => v.Value?.ToString() ?? ""))
        .ToList();

    [Fact]
    public async Task A_refused_gRPC_call_is_one_line_with_its_account_action_resource_and_AWS_error()
    {
        await Assert.ThrowsAsync<RpcException>(async () => await _server.Jobs.GetMedicalTranscriptionJobAsync(
            new GetMedicalTranscriptionJobRequest { MedicalTranscriptionJobName = "audit-missing" }));

        var line = Assert.Single(AuditLines(), l => l["Resource"] == "medical-transcription-job/audit-missing");
        Assert.Equal("grpc", line["Edge"]);
        Assert.Equal("000000000000", line["Account"]);
        Assert.Equal("127.0.0.1", line["Caller"]);
        Assert.Equal("medgrpc.transcribe.v1.MedicalTranscription/GetMedicalTranscriptionJob", line["Action"]);
        Assert.Equal("BadRequestException", line["Result"]);
    }

    [Fact]
    public async Task A_successful_call_of_the_AWS_endpoint_is_one_line_with_its_operation_and_OK()
    {
        using var client = new SignedAwsClient($"http://127.0.0.1:{_awsPort}", AwsEndpointFixture.AccessKeyId, AwsEndpointFixture.SecretAccessKey);

        using var response = await client.SendAsync("ListMedicalVocabularies", "{}");

        response.EnsureSuccessStatusCode();
        var line = Assert.Single(AuditLines(), l => l["Action"] == "Transcribe.ListMedicalVocabularies");
        Assert.Equal("aws", line["Edge"]);
        Assert.Equal("000000000000", line["Account"]);
        Assert.Equal("-", line["Resource"]);
        Assert.Equal("OK", line["Result"]);
    }
}
