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

        var events = await second.Jobs.WatchToEndAsync("killed-embedded");
        Assert.Equal(TranscriptionJobStatus.Completed, events[^1].MedicalTranscriptionJob.TranscriptionJobStatus);
        Assert.Equal(["killed-embedded.json"], Directory.EnumerateFiles(Path.Combine(_dataDir, "buckets", "out")).Select(Path.GetFileName).Where(f => !f!.EndsWith(".partial")));
    }

    [Fact]
    public async Task A_job_completes_when_s3_comes_back_within_its_retries()
    {
        var s3 = Own(await S3Server.StartAsync());
        // The default retries: eight from 200 ms doubling, about 50 s of trying, far longer than s3rver takes to start again.
        var replica = Own(new TestServer(1, s3: s3));
        await replica.StartAppAsync();
        replica.CreateBucket("out");
        await replica.Jobs.StartMedicalTranscriptionJobAsync(Requests.Dictation("s3-back", replica.PutFile("media", "back.wav", MediaFiles.Dictation30Seconds)));
        await replica.Jobs.WaitForRecognitionAsync("s3-back");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await using var watch = replica.Jobs.WatchAsync("s3-back", timeout.Token).GetAsyncEnumerator();

        await s3.StopProcessAsync();
        // The write stage is reported just before the transcript is written: from here the write meets a dead S3.
        while (await watch.MoveNextAsync() && watch.Current.Stage != "write") { }
        // Down longer than the 3 s the old default (4 retries) rode out: as long as s3rver took to restart on a loaded machine in the chaos bench.
        await Task.Delay(TimeSpan.FromSeconds(8));
        await s3.StartProcessAsync();

        var last = watch.Current;
        while (await watch.MoveNextAsync()) last = watch.Current;
        Assert.Equal(TranscriptionJobStatus.Completed, last.MedicalTranscriptionJob.TranscriptionJobStatus);
        Assert.Equal(["s3-back.json"], await s3.KeysAsync("out"));
    }

    [Fact]
    public async Task A_full_disk_fails_the_job_with_a_clear_reason_and_leaves_no_part_of_the_transcript()
    {
        var server = Own(new TestServer(1, dataDir: _dataDir, backend: TestBackend.Embedded));
        await server.StartAppAsync();
        var media = server.PutFile("media", "full.wav", MediaFiles.GoForward);
        using var disk = FullDisk.MountAt(server.BucketPath("full"));

        var failed = await server.RunAsync(Requests.Dictation("disk-full", media, outputBucket: "full"));

        Assert.Equal(TranscriptionJobStatus.Failed, failed.TranscriptionJobStatus);
        Assert.Equal("The transcript s3://full/disk-full.json couldn't be written: the disk holding its bucket is full. Free space there and start the job again.", failed.FailureReason);
        Assert.Empty(disk.Contents());

        // The service goes on: with space again, the same job completes.
        disk.Free();
        await server.Jobs.DeleteMedicalTranscriptionJobAsync(new DeleteMedicalTranscriptionJobRequest { MedicalTranscriptionJobName = "disk-full" });
        Assert.Equal(TranscriptionJobStatus.Completed, (await server.RunAsync(Requests.Dictation("disk-full", media, outputBucket: "full"))).TranscriptionJobStatus);
        Assert.Equal(["disk-full.json"], disk.Contents());
    }
}
