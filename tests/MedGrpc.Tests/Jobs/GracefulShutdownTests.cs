using Google.Rpc;
using Grpc.Core;
using MedGrpc.Tests.Support;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Tests.Jobs;

/// <summary>What a server that is asked to stop does with its running jobs and its watchers.</summary>
[Trait("Suite", "Integration")] // also run on the scale-out backend (scripts/test.sh)
public sealed class GracefulShutdownTests : IAsyncLifetime
{
    private TestServer _server = null!;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<IAsyncStreamReader<JobEvent>> StartAndWatchUntilRecognitionAsync(string name)
    {
        _server.CreateBucket("out");
        await _server.Jobs.StartMedicalTranscriptionJobAsync(Requests.Dictation(name, _server.PutFile("media", $"{name}.wav", MediaFiles.Dictation30Seconds)));
        var stream = _server.Jobs.WatchJob(new WatchJobRequest { MedicalTranscriptionJobName = name }).ResponseStream;
        while (await stream.MoveNext(CancellationToken.None))
            if (stream.Current.Stage == "recognize") return stream;
        throw new InvalidOperationException($"job {name} ended before recognition was under way");
    }

    [Fact]
    public async Task A_running_job_finishes_within_the_grace_period()
    {
        _server = new TestServer(1, settings: "--MedGrpc:ShutdownGraceSeconds=300");
        await _server.StartAppAsync();
        await StartAndWatchUntilRecognitionAsync("graceful");

        await _server.StopAppAsync();
        await _server.StartAppAsync();

        var job = await _server.Jobs.GetMedicalTranscriptionJobAsync(new GetMedicalTranscriptionJobRequest { MedicalTranscriptionJobName = "graceful" });
        Assert.Equal(TranscriptionJobStatus.Completed, job.MedicalTranscriptionJob.TranscriptionJobStatus);
    }

    [Fact]
    public async Task A_job_still_running_when_the_grace_period_ends_is_handed_back_and_completes_later()
    {
        _server = new TestServer(1, settings: "--MedGrpc:ShutdownGraceSeconds=0");
        await _server.StartAppAsync();
        await StartAndWatchUntilRecognitionAsync("handed-back");

        await _server.StopAppAsync();
        await _server.StartAppAsync();

        var events = await _server.WatchToEndAsync("handed-back");
        Assert.NotEqual(TranscriptionJobStatus.Completed, events[0].MedicalTranscriptionJob.TranscriptionJobStatus);
        Assert.Equal(TranscriptionJobStatus.Completed, events[^1].MedicalTranscriptionJob.TranscriptionJobStatus);
    }

    [Fact]
    public async Task A_watch_stream_ends_with_unavailable_when_the_server_stops()
    {
        _server = new TestServer(1);
        await _server.StartAppAsync();
        var stream = await StartAndWatchUntilRecognitionAsync("watched-at-stop");

        var stopping = _server.StopAppAsync();
        var e = await Assert.ThrowsAsync<RpcException>(async () => { while (await stream.MoveNext(CancellationToken.None)) { } });
        await stopping;

        Assert.Equal(StatusCode.Unavailable, e.StatusCode);
        Assert.Equal("ServiceUnavailableException", e.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason);
        Assert.Contains("shutting down", e.Status.Detail);
    }
}
