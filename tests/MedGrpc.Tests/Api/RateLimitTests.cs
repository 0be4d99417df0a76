using Grpc.Core;
using MedGrpc.Tests.Support;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Tests.Api;

/// <summary>Per-caller request rates: a caller over its rate is told so, and its other kinds of call are not held back.</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private readonly TestServer _server = new(1, settings: ["--MedGrpc:Limits:ListRequestsPerSecond=2", "--MedGrpc:Limits:GetRequestsPerSecond=1000"]);

    public Task InitializeAsync() => _server.StartAppAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<StatusCode> ListAsync()
    {
        try
        {
            await _server.Jobs.ListMedicalTranscriptionJobsAsync(new ListMedicalTranscriptionJobsRequest());
            return StatusCode.OK;
        }
        catch (RpcException e)
        {
            return e.StatusCode;
        }
    }

    [Fact]
    public async Task Calls_beyond_the_callers_rate_are_limit_exceeded()
    {
        var codes = new List<StatusCode>();
        for (var i = 0; i < 12; i++) codes.Add(await ListAsync());
        Assert.Equal(StatusCode.OK, codes[0]);
        Assert.Contains(StatusCode.ResourceExhausted, codes);
        var e = await JobAssertions.RefusedAsync(async () => { for (var i = 0; i < 12; i++) await _server.Jobs.ListMedicalTranscriptionJobsAsync(new ListMedicalTranscriptionJobsRequest()); },
            StatusCode.ResourceExhausted, "LimitExceededException");
        Assert.Contains("2 List requests a second", e.Status.Detail);
    }

    [Fact]
    public async Task Another_kind_of_call_has_a_rate_of_its_own()
    {
        for (var i = 0; i < 12; i++) await ListAsync();
        await JobAssertions.RefusedAsync(
            async () => await _server.Jobs.GetMedicalTranscriptionJobAsync(new GetMedicalTranscriptionJobRequest { MedicalTranscriptionJobName = "absent" }),
            StatusCode.InvalidArgument, "BadRequestException");
    }
}
