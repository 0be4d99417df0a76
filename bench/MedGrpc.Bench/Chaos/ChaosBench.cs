using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using MedGrpc.Bench.ScaleOut;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Bench.Chaos;

/// <summary>
/// The chaos bench (issue 20): two replicas on one PostgreSQL and one s3rver, all started here; jobs of mixed lengths and
/// settings started at random moments, each followed by a reconnecting watcher; meanwhile replicas SIGKILLed (each
/// started again), PostgreSQL and s3rver restarted, at random moments. Then it gathers the evidence: the jobs as the
/// service shows them, the store's own record of every terminal transition and lease claim, every object s3rver stored
/// and holds, and what each watcher saw.
/// </summary>
public static class ChaosBench
{
    private const string Recording = "dev-dict-01.wav";
    private static readonly string[] ReplicaNames = ["A", "B"];

    public static async Task<ChaosResult> RunAsync(ChaosOptions o, string workDir, CancellationToken stop)
    {
        var random = new Random(o.Seed);
        var loadBefore = LoadAverage();
        var jobs = new ChaosJobs(o.Jobs, random.Next());
        var plan = FaultPlan.Draw(o, random);
        foreach (var clip in ChaosJobs.Clips)
            await AudioClip.CutAsync(Path.Combine(o.SpeechDir, "audio", Recording), clip.From, clip.Seconds, Path.Combine(workDir, clip.Key), stop);
        var vocabularyFile = Path.Combine(workDir, "vocabulary.txt");
        await File.WriteAllTextAsync(vocabularyFile, "Phrase\tIPA\tSoundsLike\tDisplayAs\nmavacamten\t\t\tMavacamten\nmetoprolol\t\t\t\n", stop);

        // Disposed in reverse: the replicas first, then what they use.
        await using var postgres = await PostgresCluster.StartAsync();
        var stored = new StoredObjectLog(ChaosJobs.OutputBucket);
        await using var s3 = await S3rverProcess.StartAsync(o.Repo, [ChaosJobs.MediaBucket, ChaosJobs.OutputBucket], stored.OnLine);
        Progress($"PostgreSQL on port {postgres.Port}, s3rver at {s3.ServiceUrl}; starting replicas (lease {o.LeaseSeconds:0.#} s)");
        // One after the other: the first applies the schema.
        using var a = await ChaosReplica.StartAsync("A", (port, log) => StartServiceAsync(o, workDir, postgres, s3, port, log));
        using var b = await ChaosReplica.StartAsync("B", (port, log) => StartServiceAsync(o, workDir, postgres, s3, port, log));
        ChaosReplica[] replicas = [a, b];
        var changes = new JobChangeLog(postgres.ConnectionString);
        await changes.InstallAsync(stop);
        foreach (var clip in ChaosJobs.Clips)
            await PutAsync(a, ChaosJobs.MediaBucket, clip.Key, Path.Combine(workDir, clip.Key), stop);
        await PutAsync(a, ChaosJobs.MediaBucket, "vocabulary.txt", vocabularyFile, stop);
        await CreateVocabularyAsync(a, stop);
        Progress($"{o.Jobs} jobs to start over {o.FaultWindow.TotalMinutes / 2:0.#} min; {plan.Count} faults over {o.FaultWindow.TotalMinutes:0.#} min; budget {o.MaxMinutes:0.#} min");

        using var budget = CancellationTokenSource.CreateLinkedTokenSource(stop);
        budget.CancelAfter(o.Budget);
        var began = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        var watchers = new ConcurrentDictionary<string, ReconnectingWatcher>();
        var refusals = new ConcurrentDictionary<string, int>();
        var starting = StartJobsAsync(jobs, replicas, random.Next(), o.FaultWindow / 2, watchers, refusals, clock, budget.Token);
        var faults = await InjectAsync(plan, replicas, postgres, s3, changes, clock, budget.Token);
        var faultsEndedAt = clock.Elapsed;
        Progress($"{faults.Count} faults injected in {faultsEndedAt.TotalMinutes:F1} min; waiting for the jobs");
        await starting;

        var timedOut = !await WaitForJobsAsync(changes, o.Jobs, clock, budget.Token);
        // The watchers end by themselves once their jobs have; those that don't by the end of the budget are stopped.
        await Task.WhenAny(Task.WhenAll(watchers.Values.Select(w => w.Ended)), Task.Delay(Timeout.Infinite, budget.Token).ContinueWith(_ => { }, TaskScheduler.Default));
        await budget.CancelAsync();
        await Task.WhenAll(watchers.Values.Select(w => w.Ended));
        var benchSeconds = clock.Elapsed.TotalSeconds;

        var final = new Dictionary<string, MedicalTranscriptionJob?>();
        foreach (var request in jobs.Requests)
            final[request.MedicalTranscriptionJobName] = await GetAsync(replicas, request.MedicalTranscriptionJobName, stop);
        return new ChaosResult
        {
            Options = o,
            Plan = plan,
            Faults = faults,
            Jobs = jobs,
            Final = final,
            Changes = await changes.ReadAsync(stop),
            Writes = stored.Writes,
            Objects = TranscriptObjects.Read(s3.Dir, ChaosJobs.OutputBucket),
            Watchers = watchers,
            StartRefusals = refusals,
            Logs = replicas.Select(r => r.Log).ToList(),
            Began = began,
            FaultMinutes = faultsEndedAt.TotalMinutes,
            BenchSeconds = benchSeconds,
            TimedOut = timedOut,
            LoadBefore = loadBefore,
            LoadAfter = LoadAverage(),
        };
    }

    private static Task<ServiceProcess> StartServiceAsync(ChaosOptions o, string workDir, PostgresCluster postgres, S3rverProcess s3, int port, ReplicaLog log) =>
        ServiceProcess.StartAsync(o.ServiceDll, o.WorkersPerReplica,
        [
            "--MedGrpc:Store=postgres", $"--MedGrpc:Postgres:ConnectionString={postgres.ConnectionString}",
            FormattableString.Invariant($"{ChaosOptions.LeaseSetting}={ChaosOptions.DefaultLeaseSeconds}"),
            .. s3.ServiceSettings,
            // The bench stops replicas by killing them; a grace period would only delay that.
            "--MedGrpc:ShutdownGraceSeconds=0",
            // One line per entry, and JobProcessor's "ended on another worker first" (Information) for ReplicaLog to count.
            "--Logging:Console:FormatterName=simple", "--Logging:Console:FormatterOptions:SingleLine=true",
            "--Logging:LogLevel:MedGrpc.Core.Jobs.JobProcessor=Information",
            .. o.ServiceSettings,
        ], log.OnLine, port: port,
        // The media a replica fetches from S3 goes to a temporary file, which a SIGKILL leaves behind: here, in the bench's folder.
        environment: new Dictionary<string, string> { ["TMPDIR"] = Directory.CreateDirectory(Path.Combine(workDir, "tmp")).FullName });

    /// <summary>
    /// Starts each job at a random moment within the span, on a random replica, as a client would: a call refused or cut
    /// off is sent again (to the other replica first) until it is answered; ConflictException then means an earlier try
    /// was kept. Once a job is acknowledged, its watcher starts, on the replica that did not start it.
    /// </summary>
    private static async Task StartJobsAsync(ChaosJobs jobs, ChaosReplica[] replicas, int seed, TimeSpan span,
        ConcurrentDictionary<string, ReconnectingWatcher> watchers, ConcurrentDictionary<string, int> refusals, Stopwatch clock, CancellationToken ct)
    {
        var random = new Random(seed);
        var moments = jobs.Requests.Select(_ => span * random.NextDouble()).Order().ToList();
        var calls = new List<Task>();
        for (var i = 0; i < jobs.Requests.Count; i++)
        {
            var wait = moments[i] - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                try { await Task.Delay(wait, ct); }
                catch (OperationCanceledException) { break; }
            }
            calls.Add(StartOneAsync(jobs.Requests[i], replicas, random.Next(2), watchers, refusals, ct));
        }
        await Task.WhenAll(calls);
    }

    private static async Task StartOneAsync(StartMedicalTranscriptionJobRequest request, ChaosReplica[] replicas, int first,
        ConcurrentDictionary<string, ReconnectingWatcher> watchers, ConcurrentDictionary<string, int> refusals, CancellationToken ct)
    {
        for (var attempt = 0; !ct.IsCancellationRequested; attempt++)
        {
            var replica = (first + attempt) % replicas.Length;
            try
            {
                try
                {
                    await replicas[replica].Jobs.StartMedicalTranscriptionJobAsync(request, deadline: DateTime.UtcNow.AddSeconds(30), cancellationToken: ct);
                }
                catch (RpcException e) when (e.StatusCode == StatusCode.AlreadyExists)
                {
                    // An earlier try, cut off before its answer, was kept.
                }
                var name = request.MedicalTranscriptionJobName;
                watchers[name] = ReconnectingWatcher.Start(replicas, name, 1 - replica, ct);
                return;
            }
            catch (RpcException e) when (!ct.IsCancellationRequested)
            {
                refusals.AddOrUpdate($"{e.StatusCode}", 1, (_, n) => n + 1);
                if (e.StatusCode == StatusCode.InvalidArgument)
                {
                    Console.Error.WriteLine($"chaos: {request.MedicalTranscriptionJobName} refused as a bad request: {e.Status.Detail}");
                    return;
                }
            }
            catch (RpcException) when (ct.IsCancellationRequested)
            {
                return;
            }
            try { await Task.Delay(500, ct); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>Injects the planned faults one after the other, each at its moment or as soon after it as the one before allows.</summary>
    private static async Task<List<FaultRecord>> InjectAsync(IReadOnlyList<PlannedFault> plan, ChaosReplica[] replicas,
        PostgresCluster postgres, S3rverProcess s3, JobChangeLog changes, Stopwatch clock, CancellationToken ct)
    {
        var records = new List<FaultRecord>();
        foreach (var fault in plan)
        {
            var wait = fault.At - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                try { await Task.Delay(wait, ct); }
                catch (OperationCanceledException) { break; }
            }
            if (ct.IsCancellationRequested) break;
            var statuses = await changes.StatusesAsync(ct);
            var unfinished = statuses.Values.Count(s => s is "QUEUED" or "IN_PROGRESS");
            records.Add(fault.Kind switch
            {
                FaultKind.ReplicaKill => await KillAsync(fault, replicas[fault.Replica], changes, unfinished, ct),
                FaultKind.PostgresRestart => await RestartAsync(fault, "postgres", postgres.RestartAsync, replicas, unfinished, ServesJobsAsync, ct),
                _ => await RestartAsync(fault, "s3rver", s3.RestartAsync, replicas, unfinished, ServesObjectsAsync, ct),
            });
            if (records.Count % 10 == 0)
                Progress($"{records.Count} faults in {clock.Elapsed.TotalMinutes:F1} min; {unfinished} jobs unfinished at the last");
        }
        return records;
    }

    private static async Task<FaultRecord> KillAsync(PlannedFault fault, ChaosReplica replica, JobChangeLog changes, int unfinished, CancellationToken ct)
    {
        var pid = replica.Pid;
        var at = DateTime.UtcNow;
        var timer = Stopwatch.StartNew();
        replica.Kill();
        // Read after the kill: what the dead process held, and will hold until its leases run out.
        var held = await changes.HeldByAsync(pid, ct);
        await replica.StartProcessAsync();
        var back = timer.Elapsed.TotalMilliseconds;
        return new FaultRecord(fault, replica.Name, at, back, back, unfinished, pid, held);
    }

    private static async Task<FaultRecord> RestartAsync(PlannedFault fault, string target, Func<Task> restart, ChaosReplica[] replicas, int unfinished,
        Func<ChaosReplica, CancellationToken, Task> serves, CancellationToken ct)
    {
        var at = DateTime.UtcNow;
        var timer = Stopwatch.StartNew();
        await restart();
        var back = timer.Elapsed.TotalMilliseconds;
        await Task.WhenAll(replicas.Select(r => UntilAsync(() => serves(r, ct), ct)));
        return new FaultRecord(fault, target, at, back, timer.Elapsed.TotalMilliseconds, unfinished, 0, []);
    }

    /// <summary>A call that reads PostgreSQL: Get of the vocabulary.</summary>
    private static Task ServesJobsAsync(ChaosReplica replica, CancellationToken ct) =>
        replica.Jobs.GetMedicalVocabularyAsync(new GetMedicalVocabularyRequest { VocabularyName = ChaosJobs.Vocabulary }, deadline: DateTime.UtcNow.AddSeconds(10), cancellationToken: ct).ResponseAsync;

    /// <summary>A call that reads S3: List of the media bucket.</summary>
    private static Task ServesObjectsAsync(ChaosReplica replica, CancellationToken ct) =>
        replica.Objects.ListObjectsAsync(new ListObjectsRequest { Bucket = ChaosJobs.MediaBucket }, deadline: DateTime.UtcNow.AddSeconds(10), cancellationToken: ct).ResponseAsync;

    private static async Task UntilAsync(Func<Task> call, CancellationToken ct)
    {
        while (true)
        {
            try
            {
                await call();
                return;
            }
            catch (RpcException) when (!ct.IsCancellationRequested)
            {
                await Task.Delay(100, ct);
            }
        }
    }

    /// <summary>Waits until every job is in the store and ended, telling how many have every half minute; false when the budget ended first.</summary>
    private static async Task<bool> WaitForJobsAsync(JobChangeLog changes, int jobs, Stopwatch clock, CancellationToken ct)
    {
        var told = TimeSpan.Zero;
        try
        {
            while (true)
            {
                var statuses = await changes.StatusesAsync(ct);
                var ended = statuses.Values.Count(s => s is "COMPLETED" or "FAILED");
                if (ended == jobs) return true;
                if (clock.Elapsed - told > TimeSpan.FromSeconds(30))
                {
                    told = clock.Elapsed;
                    Progress($"{ended} of {jobs} jobs ended at {clock.Elapsed.TotalMinutes:F1} min");
                }
                await Task.Delay(1000, ct);
            }
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>The job as a client sees it at the end, from either replica; null when neither knows it.</summary>
    private static async Task<MedicalTranscriptionJob?> GetAsync(ChaosReplica[] replicas, string name, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return (await replicas[attempt % 2].Jobs.GetMedicalTranscriptionJobAsync(new GetMedicalTranscriptionJobRequest { MedicalTranscriptionJobName = name },
                    deadline: DateTime.UtcNow.AddSeconds(30), cancellationToken: ct)).MedicalTranscriptionJob;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
            {
                return null;
            }
            catch (RpcException) when (attempt < 10)
            {
                await Task.Delay(500, ct);
            }
        }
    }

    private static async Task PutAsync(ChaosReplica replica, string bucket, string key, string source, CancellationToken ct)
    {
        using var put = replica.Objects.PutObject(cancellationToken: ct);
        await put.RequestStream.WriteAsync(new PutObjectRequest { Location = new ObjectLocation { Bucket = bucket, Key = key } }, ct);
        await put.RequestStream.WriteAsync(new PutObjectRequest { Chunk = Google.Protobuf.ByteString.CopyFrom(await File.ReadAllBytesAsync(source, ct)) }, ct);
        await put.RequestStream.CompleteAsync();
        await put.ResponseAsync;
    }

    private static async Task CreateVocabularyAsync(ChaosReplica replica, CancellationToken ct)
    {
        await replica.Jobs.CreateMedicalVocabularyAsync(new CreateMedicalVocabularyRequest
        {
            VocabularyName = ChaosJobs.Vocabulary, LanguageCode = LanguageCode.EnUs, VocabularyFileUri = $"s3://{ChaosJobs.MediaBucket}/vocabulary.txt",
        }, cancellationToken: ct);
        while (true)
        {
            var state = (await replica.Jobs.GetMedicalVocabularyAsync(new GetMedicalVocabularyRequest { VocabularyName = ChaosJobs.Vocabulary }, cancellationToken: ct)).VocabularyState;
            if (state == VocabularyState.Ready) return;
            if (state == VocabularyState.Failed) throw new InvalidOperationException("the bench's vocabulary FAILED");
            await Task.Delay(500, ct);
        }
    }

    internal static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    internal static void Progress(string message) => Console.Error.WriteLine($"chaos: {message}");
}
