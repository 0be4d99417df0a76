using MedGrpc.Client;
using MedGrpc.Tests.Support;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Tests.ScaleOut;

/// <summary>Faults in the middle of a transcription: each test asserts that no job is lost and each job ends once.</summary>
public sealed class FaultTests : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _owned = [];
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "medgrpc-tests", Guid.NewGuid().ToString("N"));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned)) await owned.DisposeAsync();
        try { Directory.Delete(_dataDir, recursive: true); }
        catch (IOException) { }
    }

    private T Own<T>(T item) where T : IAsyncDisposable
    {
        _owned.Add(item);
        return item;
    }

    [Fact]
    public async Task A_job_survives_a_postgresql_restart_mid_run()
    {
        var postgres = Own(await PostgresServer.StartAsync());
        var s3 = Own(await S3Server.StartAsync());
        var replica = Own(new TestServer(1, postgres: await postgres.CreateDatabaseAsync(), s3: s3, settings: "--MedGrpc:Postgres:LeaseSeconds=2"));
        await replica.StartAppAsync();
        replica.CreateBucket("out");
        await replica.Jobs.StartMedicalTranscriptionJobAsync(Requests.Dictation("through-restart", replica.PutFile("media", "restart.wav", MediaFiles.Dictation30Seconds)));
        await replica.Jobs.WaitForRecognitionAsync("through-restart");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await using var watch = replica.Jobs.WatchAsync("through-restart", timeout.Token).GetAsyncEnumerator();
        // The first event means the watch has read its snapshot: from here on it needs no database to go on.
        Assert.True(await watch.MoveNextAsync());
        var last = watch.Current;

        await postgres.StopProcessAsync();
        await postgres.StartProcessAsync();

        while (await watch.MoveNextAsync()) last = watch.Current;
        Assert.Equal(TranscriptionJobStatus.Completed, last.MedicalTranscriptionJob.TranscriptionJobStatus);
        Assert.Equal(["through-restart.json"], await s3.KeysAsync("out"));
    }

    [Fact]
    public async Task A_job_fails_with_a_clear_reason_when_s3_stays_down()
    {
        var s3 = Own(await S3Server.StartAsync());
        var replica = Own(new TestServer(1, s3: s3, settings: "--MedGrpc:S3:Retries=2"));
        await replica.StartAppAsync();
        replica.CreateBucket("out");
        await replica.Jobs.StartMedicalTranscriptionJobAsync(Requests.Dictation("s3-down", replica.PutFile("media", "down.wav", MediaFiles.Dictation30Seconds)));
        await replica.Jobs.WaitForRecognitionAsync("s3-down");

        await s3.StopProcessAsync();

        var end = (await replica.WatchToEndAsync("s3-down"))[^1].MedicalTranscriptionJob;
        Assert.Equal(TranscriptionJobStatus.Failed, end.TranscriptionJobStatus);
        Assert.Contains("object store couldn't be reached", end.FailureReason);
    }

    [Fact]
    public async Task An_embedded_service_killed_mid_run_completes_the_job_when_started_again()
    {
        string[] settings = [$"--MedGrpc:DataDir={_dataDir}", "--MedGrpc:Workers=1"];
        var media = Path.Combine(_dataDir, "buckets", "media");
        Directory.CreateDirectory(media);
        Directory.CreateDirectory(Path.Combine(_dataDir, "buckets", "out"));
        File.Copy(MediaFiles.Dictation30Seconds, Path.Combine(media, "killed.wav"));
        var first = Own(await ServiceProcess.StartAsync(settings));
        await first.Jobs.StartMedicalTranscriptionJobAsync(Requests.Dictation("killed-embedded", "s3://media/killed.wav"));
        await first.Jobs.WaitForRecognitionAsync("killed-embedded");

        await first.KillAsync();
        var second = Own(await ServiceProcess.StartAsync(settings));

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var events = new List<JobEvent>();
        await foreach (var e in second.Jobs.WatchAsync("killed-embedded", timeout.Token)) events.Add(e);
        Assert.Equal(TranscriptionJobStatus.Completed, events[^1].MedicalTranscriptionJob.TranscriptionJobStatus);
        Assert.Equal(["killed-embedded.json"], Directory.EnumerateFiles(Path.Combine(_dataDir, "buckets", "out")).Select(Path.GetFileName).Where(f => !f!.EndsWith(".partial")));
    }
}
