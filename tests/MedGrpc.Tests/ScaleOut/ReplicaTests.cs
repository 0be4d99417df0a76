using MedGrpc.Client;
using MedGrpc.Tests.Support;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Tests.ScaleOut;

/// <summary>
/// Two replicas on one real PostgreSQL and one real S3 server: watchers see jobs wherever they run,
/// and a replica that dies loses nothing.
/// </summary>
public sealed class ReplicaTests : IAsyncLifetime
{
    private const string Lease = "--MedGrpc:Postgres:LeaseSeconds=2";
    private S3Server _s3 = null!;
    private string _postgres = "";
    private readonly List<IAsyncDisposable> _replicas = [];
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "medgrpc-tests", Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        _s3 = await S3Server.StartAsync();
        await _s3.CreateBucketAsync("media");
        await _s3.CreateBucketAsync("out");
        _postgres = await (await PostgresServer.Shared).CreateDatabaseAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var replica in _replicas) await replica.DisposeAsync();
        await _s3.DisposeAsync();
        try { Directory.Delete(_dataDir, recursive: true); }
        catch (IOException) { }
    }

    private string[] Settings(int workers) =>
    [
        $"--MedGrpc:DataDir={_dataDir}",
        $"--MedGrpc:Workers={workers}",
        "--MedGrpc:Store=postgres",
        $"--MedGrpc:Postgres:ConnectionString={_postgres}",
        Lease,
        .. _s3.ServiceArguments,
    ];

    private async Task<TestServer> InProcessReplicaAsync(int workers = 1)
    {
        var replica = new TestServer(workers, postgres: _postgres, s3: _s3, settings: Lease);
        _replicas.Add(replica);
        await replica.StartAppAsync();
        return replica;
    }

    private async Task<ServiceProcess> ProcessReplicaAsync(int workers = 1)
    {
        var replica = await ServiceProcess.StartAsync(Settings(workers));
        _replicas.Add(replica);
        return replica;
    }

    private async Task<string> MediaAsync(string key, string file)
    {
        await _s3.PutAsync("media", key, await File.ReadAllBytesAsync(file));
        return $"s3://media/{key}";
    }

    [Fact]
    public async Task A_job_started_on_one_replica_is_watched_to_the_end_on_another()
    {
        var a = await InProcessReplicaAsync();
        var b = await InProcessReplicaAsync();
        await a.Jobs.StartMedicalTranscriptionJobAsync(Requests.Dictation("cross-replica", await MediaAsync("cross.wav", MediaFiles.GoForward)));
        var events = await b.WatchToEndAsync("cross-replica");
        Assert.Equal(TranscriptionJobStatus.Completed, events[^1].MedicalTranscriptionJob.TranscriptionJobStatus);
        Assert.Contains(events, e => e.MedicalTranscriptionJob.TranscriptionJobStatus == TranscriptionJobStatus.InProgress);
        Assert.NotNull(events[^1].Transcript);
    }

    [Fact]
    public async Task A_replica_killed_mid_transcription_leaves_its_job_to_another_replica()
    {
        var doomed = await ProcessReplicaAsync();
        var name = "killed-mid-run";
        await doomed.Jobs.StartMedicalTranscriptionJobAsync(Requests.Dictation(name, await MediaAsync("long.wav", MediaFiles.Dictation30Seconds)));
        await doomed.Jobs.WaitForRecognitionAsync(name);

        var survivor = await InProcessReplicaAsync();
        var watching = survivor.WatchToEndAsync(name, TimeSpan.FromMinutes(4));
        await doomed.KillAsync();
        var afterKill = await survivor.Jobs.GetMedicalTranscriptionJobAsync(new GetMedicalTranscriptionJobRequest { MedicalTranscriptionJobName = name });
        Assert.Equal(TranscriptionJobStatus.InProgress, afterKill.MedicalTranscriptionJob.TranscriptionJobStatus);

        var events = await watching;
        Assert.Equal(TranscriptionJobStatus.Completed, events[^1].MedicalTranscriptionJob.TranscriptionJobStatus);
        Assert.Equal([$"{name}.json"], await _s3.KeysAsync("out"));
    }

    [Fact]
    public async Task A_replica_stopped_with_sigterm_hands_its_running_job_back_at_once()
    {
        var stopping = await ServiceProcess.StartAsync([.. Settings(1), "--MedGrpc:ShutdownGraceSeconds=0"]);
        _replicas.Add(stopping);
        var name = "handed-back";
        await stopping.Jobs.StartMedicalTranscriptionJobAsync(Requests.Dictation(name, await MediaAsync("handback.wav", MediaFiles.Dictation30Seconds)));
        await stopping.Jobs.WaitForRecognitionAsync(name);

        // Long lease: only the hand-back (not the lease running out) lets the survivor take the job soon.
        var survivor = new TestServer(1, postgres: _postgres, s3: _s3, settings: "--MedGrpc:Postgres:LeaseSeconds=600");
        _replicas.Add(survivor);
        await survivor.StartAppAsync();
        var watching = survivor.WatchToEndAsync(name, TimeSpan.FromMinutes(4));
        Assert.Equal(0, await stopping.TerminateAsync());

        var events = await watching;
        Assert.Equal(TranscriptionJobStatus.Completed, events[^1].MedicalTranscriptionJob.TranscriptionJobStatus);
        Assert.Equal([$"{name}.json"], await _s3.KeysAsync("out"));
    }
}
