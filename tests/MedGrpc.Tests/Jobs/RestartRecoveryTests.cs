using Grpc.Core;
using MedGrpc.Tests.Support;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Tests.Jobs;

/// <summary>Jobs outlive the process: what was queued or running when it stopped completes after a restart.</summary>
[Trait("Suite", "Integration")] // also run on the scale-out backend (scripts/test.sh)
public sealed class RestartRecoveryTests : IAsyncLifetime
{
    private readonly TestServer _server = new(workers: 1);

    public async Task InitializeAsync()
    {
        await _server.StartAppAsync();
        _server.CreateBucket("out");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Jobs_running_and_queued_at_shutdown_complete_after_a_restart()
    {
        var running = _server.PutFile("media", "running.wav", SpeechSet.Audio("dev-dict-01.wav"));
        var queued = _server.PutFile("media", "queued.wav", MediaFiles.GoForward);
        await _server.Jobs.StartMedicalTranscriptionJobAsync(Requests.Dictation("was-running", running));
        await _server.Jobs.StartMedicalTranscriptionJobAsync(Requests.Dictation("was-queued", queued));
        await foreach (var e in _server.Jobs.WatchJob(new WatchJobRequest { MedicalTranscriptionJobName = "was-running" }).ResponseStream.ReadAllAsync())
            if (e.Stage == "recognize") break;

        await _server.StopAppAsync();
        await _server.StartAppAsync();

        var runningEnd = (await _server.WatchToEndAsync("was-running"))[^1].MedicalTranscriptionJob;
        var queuedEnd = (await _server.WatchToEndAsync("was-queued"))[^1].MedicalTranscriptionJob;
        Assert.Equal(TranscriptionJobStatus.Completed, runningEnd.TranscriptionJobStatus);
        Assert.Equal(TranscriptionJobStatus.Completed, queuedEnd.TranscriptionJobStatus);
        Assert.True(_server.ObjectExists("out", "was-running.json"));
        Assert.True(_server.ObjectExists("out", "was-queued.json"));
    }

    [Fact]
    public async Task Finished_jobs_are_still_there_after_a_restart()
    {
        var media = _server.PutFile("media", "kept.wav", MediaFiles.GoForward);
        await _server.RunAsync(Requests.Dictation("kept", media));

        await _server.StopAppAsync();
        await _server.StartAppAsync();

        var job = (await _server.Jobs.GetMedicalTranscriptionJobAsync(new GetMedicalTranscriptionJobRequest { MedicalTranscriptionJobName = "kept" })).MedicalTranscriptionJob;
        Assert.Equal(TranscriptionJobStatus.Completed, job.TranscriptionJobStatus);
        Assert.Equal("s3://out/kept.json", job.Transcript.TranscriptFileUri);
    }
}
