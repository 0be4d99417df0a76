using Grpc.Core;
using MedGrpc.Tests.Support;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Tests.Jobs;

/// <summary>The backlog is bounded: past the running and queued caps, Start answers LimitExceeded.</summary>
[Trait("Suite", "Integration")] // also run on the scale-out backend (scripts/test.sh)
public sealed class JobLimitsTests : IAsyncLifetime
{
    private readonly TestServer _server = new(1, settings: ["--MedGrpc:Limits:MaxConcurrentJobs=1", "--MedGrpc:Limits:MaxQueuedJobs=1"]);

    public async Task InitializeAsync()
    {
        await _server.StartAppAsync();
        _server.CreateBucket("out");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_start_beyond_the_running_and_queued_caps_is_limit_exceeded_and_stores_nothing()
    {
        var media = _server.PutFile("media", "cap.wav", MediaFiles.Dictation30Seconds);
        await _server.Jobs.StartMedicalTranscriptionJobAsync(Requests.Dictation("cap-running", media));
        await _server.Jobs.StartMedicalTranscriptionJobAsync(Requests.Dictation("cap-queued", media));

        var e = await JobAssertions.RefusedAsync(
            async () => await _server.Jobs.StartMedicalTranscriptionJobAsync(Requests.Dictation("cap-refused", media)),
            StatusCode.ResourceExhausted, "LimitExceededException");

        Assert.Contains("2 jobs running or queued", e.Status.Detail);
        await JobAssertions.RefusedAsync(
            async () => await _server.Jobs.GetMedicalTranscriptionJobAsync(new GetMedicalTranscriptionJobRequest { MedicalTranscriptionJobName = "cap-refused" }),
            StatusCode.InvalidArgument, "BadRequestException");
    }
}
