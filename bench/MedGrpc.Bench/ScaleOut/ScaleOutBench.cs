using System.Diagnostics;
using Grpc.Core;
using MedGrpc.Client;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Bench.ScaleOut;

/// <summary>
/// The scale-out load bench (issue 6): two replicas of the service on one PostgreSQL and one s3rver,
/// all started here; N short jobs started on the replicas in turn, each followed by a WatchJob stream on
/// the replica that did not start it, so every event crosses replicas through PostgreSQL NOTIFY; a
/// steady stream of Gets meanwhile. Then it counts what was lost or done twice.
/// </summary>
public static class ScaleOutBench
{
    private const string MediaBucket = "bench-media";
    // The short jobs' transcripts alone, so that counting the bucket counts them.
    private const string OutputBucket = "bench-out";
    private const string WarmBucket = "bench-warm";
    private const string Recording = "dev-dict-01.wav";
    private const double ClipFrom = 10;
    private const double ClipSeconds = 2.5;
    private static readonly string[] ReplicaNames = ["A", "B"];

    public static async Task<ScaleOutResult> RunAsync(ScaleOutOptions options, string workDir, CancellationToken ct)
    {
        var bench = Stopwatch.StartNew();
        var loadBefore = LoadAverage();
        var recording = Path.Combine(options.SpeechDir, "audio", Recording);
        var clip = Path.Combine(workDir, "short.wav");
        var hold = Path.Combine(workDir, "hold.wav");
        await AudioClip.CutAsync(recording, ClipFrom, ClipSeconds, clip, ct);
        await AudioClip.CutAsync(recording, 0, options.HoldSeconds, hold, ct);

        // Disposed in reverse: the replicas first, then what they use.
        await using var postgres = await PostgresCluster.StartAsync();
        await using var s3 = await S3rverProcess.StartAsync(options.Repo, [MediaBucket, OutputBucket, WarmBucket]);
        Progress($"PostgreSQL on port {postgres.Port}, s3rver at {s3.ServiceUrl}; starting replicas");

        var logs = ReplicaNames.Select(name => new ReplicaLog(name)).ToArray();
        // One after the other: the first applies the schema.
        using var a = await StartReplicaAsync(options, postgres, s3, logs[0]);
        using var b = await StartReplicaAsync(options, postgres, s3, logs[1]);
        ServiceProcess[] replicas = [a, b];
        var clipUri = await a.PutObjectAsync(MediaBucket, "short.wav", clip, ct);
        var holdUri = await a.PutObjectAsync(MediaBucket, "hold.wav", hold, ct);

        await WarmUpAsync(replicas, options.WorkersPerReplica, clipUri, ct);
        var cpuBefore = CpuSeconds.Now(replicas, postgres, s3);
        var holdJobs = await HoldWorkersAsync(replicas, options.WorkersPerReplica, holdUri, ct);

        // Starts: the replicas in turn, StartCallers callers at once.
        var jobs = options.Jobs;
        var startMs = new double[jobs];
        var accepted = new bool[jobs];
        var startErrors = new List<string>();
        var started = new List<string>();
        var firstStart = DateTime.UtcNow;
        var gets = GetStream.Start([a.Jobs, b.Jobs], random => { lock (started) return started.Count == 0 ? null : started[random.Next(started.Count)]; },
            options.GetsPerSecond, ct);
        var startWall = Stopwatch.StartNew();
        var cpuBeforeStarts = CpuSeconds.Now(replicas, postgres, s3);
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, options.StartCallers).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < jobs; i = Interlocked.Increment(ref next))
            {
                var name = JobName(i);
                var call = Stopwatch.GetTimestamp();
                try
                {
                    await replicas[i % 2].Jobs.StartMedicalTranscriptionJobAsync(Request(name, clipUri, OutputBucket), cancellationToken: ct);
                }
                catch (RpcException e) when (e.StatusCode != StatusCode.Cancelled)
                {
                    lock (startErrors) startErrors.Add($"{name}: {e.StatusCode} {e.Status.Detail}");
                    continue;
                }
                startMs[i] = Stopwatch.GetElapsedTime(call).TotalMilliseconds;
                accepted[i] = true;
                lock (started) started.Add(name);
            }
        }));
        var startSeconds = startWall.Elapsed.TotalSeconds;
        var startsCpu = CpuSeconds.Now(replicas, postgres, s3).Since(cpuBeforeStarts);
        Progress($"{started.Count} jobs started in {startSeconds:F1} s; opening {started.Count} watchers");

        // Memory per watcher: the replicas before any watcher opens, then after each batch of them, the jobs still QUEUED behind the hold jobs.
        var memory = new WatcherMemory();
        var drifting = await Task.WhenAll(replicas.Select(r => ResidentMemory.MedianKilobytesAsync(r.Pid, ct)));
        await Task.Delay(TimeSpan.FromSeconds(1), ct); // one step's time, no watcher added
        var baseline = await Task.WhenAll(replicas.Select(r => ResidentMemory.MedianKilobytesAsync(r.Pid, ct)));
        memory.DriftKb = baseline.Zip(drifting, (now, then) => now - then).ToList();
        memory.Add([0, 0], baseline);
        using var watching = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var watchers = new List<JobWatcher>();
        var opening = TimeSpan.Zero;
        var rssSampledAt = DateTime.UtcNow;
        var allOpenAt = DateTime.UtcNow;
        var toWatch = Enumerable.Range(0, jobs).Where(i => accepted[i]).ToList();
        foreach (var batch in toWatch.Chunk(Math.Max(1, (toWatch.Count + options.WatchBatches - 1) / options.WatchBatches)))
        {
            var batchWall = Stopwatch.StartNew();
            var opened = batch.Select(i => JobWatcher.Open(replicas[1 - i % 2].Jobs, JobName(i), ReplicaNames[1 - i % 2], watching.Token)).ToList();
            watchers.AddRange(opened);
            await Task.WhenAll(opened.Select(w => w.Opened)).WaitAsync(TimeSpan.FromMinutes(5), ct);
            opening += batchWall.Elapsed;
            allOpenAt = DateTime.UtcNow;
            await Task.Delay(TimeSpan.FromSeconds(1), ct); // the streams' first writes and buffers settle
            rssSampledAt = DateTime.UtcNow;
            var rss = await Task.WhenAll(replicas.Select(r => ResidentMemory.MedianKilobytesAsync(r.Pid, ct)));
            memory.Add(ReplicaNames.Select(name => watchers.Count(w => w.Replica == name && IsOpenAt(w, rssSampledAt))).ToList(), rss);
        }
        Progress($"{watchers.Count(w => w.OpenedAt is not null)} watchers open in {opening.TotalSeconds:F1} s; waiting for the jobs");

        var timedOut = !await WaitForWatchersAsync(watchers, options.Timeout, ct);
        if (timedOut) await watching.CancelAsync();
        await Task.WhenAll(watchers.Select(w => w.Ended));
        var getMs = await gets.StopAsync();
        var runCpu = CpuSeconds.Now(replicas, postgres, s3).Since(cpuBefore);

        var listed = await ListAllAsync(a.Jobs, ct);
        var shortJobs = Enumerable.Range(0, jobs).Where(i => accepted[i]).Select(JobName)
            .Where(listed.ContainsKey).ToDictionary(name => name, name => listed[name]);
        var startedBefore = (DateTime at) => shortJobs.Values.Count(j => j.StartTime is not null && j.StartTime.ToDateTime() < at);
        return new ScaleOutResult
        {
            Options = options,
            Clip = $"{Recording} {ClipFrom:0.#}–{ClipFrom + ClipSeconds:0.#} s",
            ClipSeconds = ClipSeconds,
            HoldJobs = holdJobs.Count,
            LoadBefore = loadBefore,
            LoadAfter = LoadAverage(),
            FirstStartAt = firstStart,
            BenchSeconds = bench.Elapsed.TotalSeconds,
            Replicas = ReplicaNames,
            JobsAccepted = accepted.Count(ok => ok),
            StartErrors = startErrors,
            StartMs = Enumerable.Range(0, jobs).Where(i => accepted[i]).Select(i => startMs[i]).ToList(),
            StartSeconds = startSeconds,
            GetMs = getMs,
            GetErrors = gets.Errors,
            Watchers = watchers,
            PeakOpenWatchers = PeakOverlap(watchers),
            WatchersOpenSeconds = opening.TotalSeconds,
            TimedOut = timedOut,
            StartedBeforeAllOpen = startedBefore(allOpenAt),
            Memory = memory,
            StartedBeforeMemorySample = startedBefore(rssSampledAt),
            RunCpu = runCpu,
            StartsCpu = startsCpu,
            Listed = shortJobs,
            HoldJobsCompleted = holdJobs.Count(name => listed.TryGetValue(name, out var job) && job.TranscriptionJobStatus == TranscriptionJobStatus.Completed),
            TranscriptObjects = (await b.Objects.ListObjectsAsync(new ListObjectsRequest { Bucket = OutputBucket }, cancellationToken: ct)).Objects.Count,
            Logs = logs,
        };
    }

    private static Task<ServiceProcess> StartReplicaAsync(ScaleOutOptions options, PostgresCluster postgres, S3rverProcess s3, ReplicaLog log) =>
        ServiceProcess.StartAsync(options.ServiceDll, options.WorkersPerReplica,
        [
            "--MedGrpc:Store=postgres", $"--MedGrpc:Postgres:ConnectionString={postgres.ConnectionString}",
            .. s3.ServiceSettings,
            // The bench stops replicas by killing them; a grace period would only delay that.
            "--MedGrpc:ShutdownGraceSeconds=0",
            // One line per entry, and JobProcessor's "ended on another worker first" (Information) for ReplicaLog to count.
            "--Logging:Console:FormatterName=simple", "--Logging:Console:FormatterOptions:SingleLine=true",
            "--Logging:LogLevel:MedGrpc.Core.Jobs.JobProcessor=Information",
            .. options.ServiceSettings,
        ], log.OnLine);

    /// <summary>
    /// A short job per worker, watched across replicas, before anything is measured: the code paths
    /// are compiled, the connections and pools open, and most decoders loaded.
    /// </summary>
    private static async Task WarmUpAsync(ServiceProcess[] replicas, int workersPerReplica, string clipUri, CancellationToken ct)
    {
        var names = Enumerable.Range(0, 2 * workersPerReplica).Select(i => $"warm-{i}").ToList();
        for (var i = 0; i < names.Count; i++)
            await replicas[i % 2].Jobs.StartMedicalTranscriptionJobAsync(Request(names[i], clipUri, WarmBucket), cancellationToken: ct);
        await Task.WhenAll(names.Select(async (name, i) =>
        {
            await foreach (var _ in replicas[1 - i % 2].Jobs.WatchAsync(name, ct)) { }
        }));
        foreach (var replica in replicas)
            await replica.Jobs.GetMedicalTranscriptionJobAsync(new GetMedicalTranscriptionJobRequest { MedicalTranscriptionJobName = names[0] }, cancellationToken: ct);
        Progress($"warmed up with {names.Count} jobs");
    }

    /// <summary>
    /// One longer job per worker, each followed until its decoder is at work. While they run, every
    /// worker is busy, so the short jobs stay QUEUED until all their watchers are open: the bench sees
    /// each job's first transition, and measures memory with watchers that wait.
    /// </summary>
    private static async Task<IReadOnlyList<string>> HoldWorkersAsync(ServiceProcess[] replicas, int workersPerReplica, string holdUri, CancellationToken ct)
    {
        var names = Enumerable.Range(0, 2 * workersPerReplica).Select(i => $"hold-{i}").ToList();
        for (var i = 0; i < names.Count; i++)
            await replicas[i % 2].Jobs.StartMedicalTranscriptionJobAsync(Request(names[i], holdUri, WarmBucket), cancellationToken: ct);
        await Task.WhenAll(names.Select(async name =>
        {
            // Past 5 %: recognition has begun, so the worker holds a decoder.
            await foreach (var e in replicas[0].Jobs.WatchAsync(name, ct))
                if (e.ProgressPercent > 5) return;
        }));
        Progress($"{names.Count} hold jobs hold every worker");
        return names;
    }

    /// <summary>Waits for every watcher to end, telling how many have every half minute; false when the timeout came first.</summary>
    private static async Task<bool> WaitForWatchersAsync(IReadOnlyList<JobWatcher> watchers, TimeSpan timeout, CancellationToken ct)
    {
        var all = Task.WhenAll(watchers.Select(w => w.Ended));
        var deadline = Stopwatch.StartNew();
        while (!all.IsCompleted)
        {
            var left = timeout - deadline.Elapsed;
            if (left <= TimeSpan.Zero) return false;
            await Task.WhenAny(all, Task.Delay(left < TimeSpan.FromSeconds(30) ? left : TimeSpan.FromSeconds(30), ct));
            ct.ThrowIfCancellationRequested();
            Progress($"{watchers.Count(w => w.Ended.IsCompleted)} of {watchers.Count} watchers ended");
        }
        return true;
    }

    private static async Task<Dictionary<string, MedicalTranscriptionJobSummary>> ListAllAsync(MedicalTranscription.MedicalTranscriptionClient jobs, CancellationToken ct)
    {
        var all = new Dictionary<string, MedicalTranscriptionJobSummary>();
        var request = new ListMedicalTranscriptionJobsRequest { MaxResults = 100 };
        while (true)
        {
            var page = await jobs.ListMedicalTranscriptionJobsAsync(request, cancellationToken: ct);
            foreach (var job in page.MedicalTranscriptionJobSummaries) all[job.MedicalTranscriptionJobName] = job;
            if (string.IsNullOrEmpty(page.NextToken)) return all;
            request.NextToken = page.NextToken;
        }
    }

    private static bool IsOpenAt(JobWatcher watcher, DateTime at) =>
        watcher.OpenedAt <= at && watcher.Error is null && !(watcher.EndedAt <= at);

    /// <summary>The most streams open at one moment: each watcher's first event to its end.</summary>
    private static int PeakOverlap(IEnumerable<JobWatcher> watchers)
    {
        var changes = watchers.Where(w => w.OpenedAt is not null)
            .SelectMany(w => new[] { (At: w.OpenedAt!.Value, Change: 1), (At: w.EndedAt ?? DateTime.MaxValue, Change: -1) })
            .OrderBy(c => c.At).ThenBy(c => c.Change);
        int open = 0, peak = 0;
        foreach (var (_, change) in changes) peak = Math.Max(peak, open += change);
        return peak;
    }

    private static StartMedicalTranscriptionJobRequest Request(string name, string mediaUri, string outputBucket) => new()
    {
        MedicalTranscriptionJobName = name,
        LanguageCode = LanguageCode.EnUs,
        Media = new Media { MediaFileUri = mediaUri },
        OutputBucketName = outputBucket,
        Specialty = Specialty.Primarycare,
        Type = MedicalJobType.Dictation,
    };

    private static string JobName(int i) => $"load-{i:D4}";

    private static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    private static void Progress(string message) => Console.Error.WriteLine($"load-scaleout: {message}");
}
