using System.Text.Json;
using Grpc.Core;
using MedGrpc.Tests.Support;
using MedGrpc.Transcribe.V1;
using Microsoft.Data.Sqlite;

namespace MedGrpc.Tests.Jobs;

/// <summary>
/// The embedded default (SQLite, folder buckets, the real PocketSphinx) SIGKILLed at random moments while jobs are
/// started and vocabularies created, and started again on the same data dir: the small version of the bench's
/// `crash` mode (50 kills, 100 jobs; docs/benchmarks.md).
/// </summary>
public sealed class CrashRecoveryTests : IAsyncLifetime
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "medgrpc-tests", Guid.NewGuid().ToString("N"));
    private ServiceProcess? _service;

    private string Output => Path.Combine(_dataDir, "buckets", "out");

    public Task InitializeAsync()
    {
        var media = Directory.CreateDirectory(Path.Combine(_dataDir, "buckets", "media")).FullName;
        Directory.CreateDirectory(Output);
        File.Copy(MediaFiles.GoForward, Path.Combine(media, "short.wav"));
        File.WriteAllText(Path.Combine(media, "vocabulary.txt"), $"{Support.Vocabularies.Header}\nmavacamten\t\t\tMavacamten\n");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_service is not null) await _service.DisposeAsync();
        try { Directory.Delete(_dataDir, recursive: true); }
        catch (IOException) { }
    }

    private async Task<ServiceProcess> StartAsync()
    {
        if (_service is not null) await _service.DisposeAsync(); // the killed one's client
        return _service = await ServiceProcess.StartAsync($"--MedGrpc:DataDir={_dataDir}", "--MedGrpc:Workers=2");
    }

    [Fact]
    public async Task SIGKILLs_at_random_moments_lose_no_job_or_vocabulary_and_complete_none_twice()
    {
        var seed = Environment.TickCount;
        var random = new Random(seed);
        var jobs = Enumerable.Range(1, 5).Select(i => $"crash-{i}").ToList();
        var vocabularies = new List<string> { "crash-vocabulary-1", "crash-vocabulary-2" };
        var acknowledged = new HashSet<string>();
        var completions = new Dictionary<string, (long, DateTime)>();

        for (var kill = 1; kill <= 3; kill++)
        {
            var service = await StartAsync();
            Assert.Empty(await ChangedSinceSeenAsync(service.Jobs, acknowledged, completions));
            using var stop = new CancellationTokenSource();
            var client = SubmitAsync(service.Jobs, jobs, vocabularies, acknowledged, stop.Token);
            await Task.Delay(TimeSpan.FromSeconds(0.3 + random.NextDouble() * 2.5)); // the random moment
            await service.KillAsync();
            await stop.CancelAsync();
            await client;
            Assert.True(IntegrityCheck() == "ok", $"integrity_check after kill {kill} (seed {seed}): {IntegrityCheck()}");
        }

        var last = await StartAsync();
        Assert.Empty(await ChangedSinceSeenAsync(last.Jobs, acknowledged, completions));
        while (jobs.Concat(vocabularies).Any(n => !acknowledged.Contains(n)))
            await SubmitAsync(last.Jobs, jobs, vocabularies, acknowledged, CancellationToken.None);
        foreach (var name in jobs)
            Assert.Equal(TranscriptionJobStatus.Completed, (await last.Jobs.WatchToEndAsync(name))[^1].MedicalTranscriptionJob.TranscriptionJobStatus);
        Assert.Empty(await ChangedSinceSeenAsync(last.Jobs, jobs, completions));
        foreach (var name in vocabularies)
            Assert.Equal(VocabularyState.Ready, (await last.Jobs.WaitUntilSettledAsync(name)).VocabularyState);
        var objects = Directory.EnumerateFiles(Output).Select(Path.GetFileName).Where(f => !f!.EndsWith(".partial")).Order().ToList();
        Assert.Equal(jobs.Select(n => n + ".json").Order(), objects);
        foreach (var name in jobs)
        {
            using var transcript = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Output, name + ".json")));
            Assert.Equal(name, transcript.RootElement.GetProperty("jobName").GetString());
        }
    }

    /// <summary>
    /// Starts the jobs and creates the vocabularies not yet acknowledged, as a client does after a failure: a call
    /// answered OK or ConflictException (the call cut off by the kill was kept) is acknowledged; one cut off is sent
    /// again after the restart.
    /// </summary>
    private static async Task SubmitAsync(MedicalTranscription.MedicalTranscriptionClient client, List<string> jobs, List<string> vocabularies,
        HashSet<string> acknowledged, CancellationToken stop)
    {
        try
        {
            foreach (var name in jobs.Where(n => !acknowledged.Contains(n)).ToList())
            {
                await AcknowledgeAsync(name, acknowledged, async () => await client.StartMedicalTranscriptionJobAsync(
                    Requests.Dictation(name, "s3://media/short.wav"), cancellationToken: stop));
                if (vocabularies.FirstOrDefault(n => !acknowledged.Contains(n)) is { } vocabulary)
                    await AcknowledgeAsync(vocabulary, acknowledged, async () => await client.CreateMedicalVocabularyAsync(
                        Support.Vocabularies.Create(vocabulary, "s3://media/vocabulary.txt"), cancellationToken: stop));
                await Task.Delay(200, stop); // calls spread over the moments a kill may fall on
            }
        }
        catch (Exception e) when (e is RpcException or OperationCanceledException)
        {
            // Cut off by the kill.
        }
    }

    private static async Task AcknowledgeAsync(string name, HashSet<string> acknowledged, Func<Task> call)
    {
        try { await call(); }
        catch (RpcException e) when (e.StatusCode == StatusCode.AlreadyExists) { }
        acknowledged.Add(name);
    }

    /// <summary>Jobs seen COMPLETED before whose completion time or transcript has changed since (done twice); records the newly COMPLETED.</summary>
    private async Task<List<string>> ChangedSinceSeenAsync(MedicalTranscription.MedicalTranscriptionClient client, IEnumerable<string> names,
        Dictionary<string, (long, DateTime)> completions)
    {
        var changed = new List<string>();
        foreach (var name in names.Where(n => n.StartsWith("crash-", StringComparison.Ordinal) && !n.StartsWith("crash-vocabulary", StringComparison.Ordinal)).ToList())
        {
            var job = (await client.GetMedicalTranscriptionJobAsync(new GetMedicalTranscriptionJobRequest { MedicalTranscriptionJobName = name })).MedicalTranscriptionJob;
            if (job.TranscriptionJobStatus != TranscriptionJobStatus.Completed)
            {
                if (completions.ContainsKey(name)) changed.Add(name);
                continue;
            }
            var seen = (job.CompletionTime.ToDateTimeOffset().ToUnixTimeMilliseconds(), File.GetLastWriteTimeUtc(Path.Combine(Output, name + ".json")));
            if (completions.TryGetValue(name, out var before) && before != seen) changed.Add(name);
            completions[name] = seen;
        }
        return changed;
    }

    private string IntegrityCheck()
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(_dataDir, "jobs.db"), Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        return (string)command.ExecuteScalar()!;
    }
}
