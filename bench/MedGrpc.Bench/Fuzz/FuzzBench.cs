using System.Diagnostics;
using Google.Protobuf.Reflection;

namespace MedGrpc.Bench.Fuzz;

/// <summary>
/// The fuzz mode: one embedded service (real engine, real ffmpeg) takes N generated requests on its gRPC edge over
/// every method it serves and N on its AWS endpoint — valid, near-valid and hostile — and must answer each with a
/// proper status: any INTERNAL, UNKNOWN, InternalFailure, 5xx or broken connection fails the run and is printed with
/// what reproduces it. The service must still be running at the end, and its memory must come back to its baseline:
/// the baseline is taken after a warm-up of the same mix and a settle period with no requests, the end after the same
/// settle period, each as the service left it and again after a full GC induced in it (<see cref="ServiceMemory"/>).
/// </summary>
public static partial class FuzzBench
{
    public sealed record Options(
        string ServiceDll, int Workers, int Requests, int AwsRequests, int Seed, int Concurrency, int MaxAcceptedJobs,
        double SettleSeconds, double MemoryToleranceMb, double PhaseMinutes, string[] ServiceSettings)
    {
        /// <summary>--requests N (each edge; --aws-requests for the AWS endpoint's own), --seed, --concurrency, --max-jobs, --settle-seconds, --memory-tolerance-mb, --phase-minutes (each edge's time budget: past it no more requests are sent, and the count sent is the one reported; 0: none).</summary>
        public static Options From(Func<string, string?> option, string serviceDll, int workers, string[] serviceSettings)
        {
            var requests = int.Parse(option("--requests") ?? "1000000");
            return new Options(serviceDll, workers, requests, int.Parse(option("--aws-requests") ?? requests.ToString()),
                int.Parse(option("--seed") ?? "20"), int.Parse(option("--concurrency") ?? "64"), int.Parse(option("--max-jobs") ?? "300"),
                // 180 s: past the engine's IdleDecoderSeconds (120) and its timer's quarter period, so decoders idle since the load are gone.
                double.Parse(option("--settle-seconds") ?? "180", System.Globalization.CultureInfo.InvariantCulture),
                double.Parse(option("--memory-tolerance-mb") ?? "64", System.Globalization.CultureInfo.InvariantCulture),
                double.Parse(option("--phase-minutes") ?? "0", System.Globalization.CultureInfo.InvariantCulture), serviceSettings);
        }
    }

    public static async Task<int> RunAsync(Options options)
    {
        var awsPort = ServiceProcess.FreePort();
        var metricsPort = ServiceProcess.FreePort();
        var logLines = 0L;
        var decoderLines = 0L;
        var decodersLoaded = 0;
        var decodersAtMost = 0;
        var decoderGate = new Lock();
        var stackLines = 0L;
        var firstLines = new System.Collections.Concurrent.ConcurrentQueue<string>();
        // The service's log, whole, for the failures' stack traces; only counted and sampled on the console.
        var logPath = Path.Combine(Path.GetTempPath(), $"medgrpc-fuzz-service-{Environment.ProcessId}.log");
        await using var log = new StreamWriter(logPath) { AutoFlush = true };
        void Output(string line)
        {
            lock (log) log.WriteLine(line);
            // The engine's "Loaded …; N loaded" and "Unloaded …; N loaded" lines (asked for at Information) count the
            // decoders; they are not the log lines the requests caused.
            if (DecoderCount().Match(line) is { Success: true } count)
            {
                Interlocked.Increment(ref decoderLines);
                var loaded = int.Parse(count.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                Volatile.Write(ref decodersLoaded, loaded);
                lock (decoderGate) decodersAtMost = Math.Max(decodersAtMost, loaded);
                return;
            }
            Interlocked.Increment(ref logLines);
            if (line.TrimStart().StartsWith("at ", StringComparison.Ordinal)) Interlocked.Increment(ref stackLines);
            if (firstLines.Count < 10) firstLines.Enqueue(line);
        }
        using var service = await ServiceProcess.StartAsync(options.ServiceDll, options.Workers,
        [
            .. AwsLatencyBench.Settings(awsPort),
            $"--MedGrpc:Metrics:Port={metricsPort}",
            "--Logging:LogLevel:MedGrpc.Engines.PocketSphinx.PocketSphinxEngine=Information",
            .. options.ServiceSettings,
        ], Output);
        using var memory = new ServiceMemory(service.Pid, metricsPort, () => Volatile.Read(ref decodersLoaded));
        await PrepareAsync(service);

        var world = new FuzzWorld(options.MaxAcceptedJobs, maxAcceptedVocabularies: options.MaxAcceptedJobs / 10);
        var methods = await GrpcFuzzer.ServedMethodsAsync(service.Channel);
        Console.WriteLine($"fuzz: {methods.Count} gRPC methods served ({string.Join(", ", methods.Select(m => $"{m.Service.Name}/{m.Name}"))}); " +
                          $"{AwsFuzzer.Operations.Count} AWS operations; seed {options.Seed}, {options.Concurrency} at once, {Environment.ProcessorCount} cores");

        var grpc = new FuzzTally();
        var aws = new FuzzTally();
        var grpcFuzzer = new GrpcFuzzer(service.Address, world, grpc);
        var awsFuzzer = new AwsFuzzer($"http://127.0.0.1:{awsPort}", AwsLatencyBench.AccessKeyId, AwsLatencyBench.SecretAccessKey, world, aws);
        using var grpcConnections = GrpcFuzzer.Connections();
        using var awsConnections = AwsFuzzer.Connections();

        // Warm-up (JIT, pools, the first jobs, streams and vocabularies), then the baseline the service must come back
        // to: the same settle period as at the end, so that both are the idle service after the same mix.
        await RunPhaseAsync("warm-up", 2000, options.Concurrency, options.Seed - 1, (random, generator, ct) =>
            random.Next(2) == 0 ? grpcFuzzer.SendOneAsync(grpcConnections, methods[random.Next(methods.Count)], generator, random, ct)
                                : awsFuzzer.SendOneAsync(awsConnections, generator, random, ct), world, quiet: true);
        Console.WriteLine($"  warm-up: 2,000 requests; {options.SettleSeconds:F0} s idle before the baseline");
        await Task.Delay(TimeSpan.FromSeconds(options.SettleSeconds));
        var baseline = await memory.SnapshotAsync();
        var baselineCollected = await memory.CollectAsync();
        var baselineAfterGc = await memory.SnapshotAsync();
        var jobsAtBaseline = world.AcceptedJobs;
        var vocabulariesAtBaseline = world.AcceptedVocabularies;
        Console.WriteLine($"  baseline: {baseline}; after an induced full GC: {baselineAfterGc}");
        var decoderLinesBefore = Interlocked.Read(ref decoderLines);
        lock (decoderGate) decodersAtMost = Volatile.Read(ref decodersLoaded);
        var warmupFailures = grpc.Failures + aws.Failures;
        grpc = new FuzzTally();
        aws = new FuzzTally();
        grpcFuzzer = new GrpcFuzzer(service.Address, world, grpc);
        awsFuzzer = new AwsFuzzer($"http://127.0.0.1:{awsPort}", AwsLatencyBench.AccessKeyId, AwsLatencyBench.SecretAccessKey, world, aws);
        var logLinesBefore = Interlocked.Read(ref logLines);

        using var peak = new PeakRss(service.Pid);
        var watch = Stopwatch.StartNew();
        await RunPhaseAsync("gRPC", options.Requests, options.Concurrency, options.Seed, (random, generator, ct) =>
            grpcFuzzer.SendOneAsync(grpcConnections, methods[random.Next(methods.Count)], generator, random, ct), world, budgetMinutes: options.PhaseMinutes);
        var grpcSeconds = watch.Elapsed.TotalSeconds;
        watch.Restart();
        await RunPhaseAsync("AWS", options.AwsRequests, options.Concurrency, options.Seed + 1_000_000, (random, generator, ct) =>
            awsFuzzer.SendOneAsync(awsConnections, generator, random, ct), world, budgetMinutes: options.PhaseMinutes);
        var awsSeconds = watch.Elapsed.TotalSeconds;
        var peakKb = peak.PeakKb;
        var aliveAfterRequests = !service.HasExited;

        await Task.Delay(TimeSpan.FromSeconds(options.SettleSeconds));
        var after = await memory.SnapshotAsync();
        var afterCollected = await memory.CollectAsync();
        var afterGc = await memory.SnapshotAsync();
        var alive = aliveAfterRequests && !service.HasExited;
        // Back to baseline: after the same idle period and a full GC each, resident memory within the tolerance.
        var rssGrowthMb = (afterGc.RssKb - baselineAfterGc.RssKb) / 1024.0;
        var memoryBack = rssGrowthMb <= options.MemoryToleranceMb;

        Console.WriteLine();
        grpc.Print($"gRPC edge ({grpcSeconds:F0} s, {grpc.Total / Math.Max(grpcSeconds, 0.001):F0}/s{Budget(grpc.Total, options.Requests)})");
        aws.Print($"AWS endpoint ({awsSeconds:F0} s, {aws.Total / Math.Max(awsSeconds, 0.001):F0}/s{Budget(aws.Total, options.AwsRequests)})");
        Console.WriteLine($"accepted jobs {world.AcceptedJobs:N0} (cap {options.MaxAcceptedJobs:N0}), accepted vocabularies {world.AcceptedVocabularies:N0}; " +
                          $"since the baseline {world.AcceptedJobs - jobsAtBaseline:N0} jobs and {world.AcceptedVocabularies - vocabulariesAtBaseline:N0} vocabularies (real data: they stay)");
        Console.WriteLine($"service alive: {(alive ? "yes" : "NO")}; warm-up failures {warmupFailures}");
        Console.WriteLine($"service memory, baseline after the warm-up and {options.SettleSeconds:F0} s idle: {baseline}");
        Console.WriteLine($"  after an induced full GC{(baselineCollected ? "" : " (NOT seen in the gen2 count)")}: {baselineAfterGc}");
        Console.WriteLine($"  peak VmRSS {peakKb / 1024.0:N0} MB; decoders loaded at most {decodersAtMost}, {Interlocked.Read(ref decoderLines) - decoderLinesBefore:N0} loads and unloads during the run");
        Console.WriteLine($"  after the requests and {options.SettleSeconds:F0} s idle: {after}");
        Console.WriteLine($"  after an induced full GC{(afterCollected ? "" : " (NOT seen in the gen2 count)")}: {afterGc}");
        Console.WriteLine($"  from the baseline (both after a full GC): VmRSS {rssGrowthMb:+0;-0} MB, GC heap {(afterGc.GcHeapBytes - baselineAfterGc.GcHeapBytes) / 1048576:+0.0;-0.0} MB, " +
                          $"decoders {afterGc.Decoders - baselineAfterGc.Decoders:+0;-0}: {(memoryBack ? "back" : "NOT back")} (tolerance {options.MemoryToleranceMb:F0} MB)");
        Console.WriteLine($"service log lines during the run: {Interlocked.Read(ref logLines) - logLinesBefore:N0} (stack-trace lines in all: {Interlocked.Read(ref stackLines):N0})");
        foreach (var line in firstLines.Take(5)) Console.WriteLine($"  log: {line[..Math.Min(line.Length, 200)]}");
        Console.WriteLine($"service log: {logPath}");
        var failed = grpc.Failures + aws.Failures + warmupFailures > 0 || !alive || !memoryBack;
        Console.WriteLine(failed ? "fuzz: FAILED" : "fuzz: ok");
        return failed ? 1 : 0;
    }

    private static string Budget(long sent, int asked) => sent < asked ? $"; {sent:N0} of the {asked:N0} asked for within --phase-minutes" : "";

    /// <summary>The objects the generated requests name: half a second of quiet audio, bytes no decoder reads, a vocabulary table.</summary>
    private static async Task PrepareAsync(ServiceProcess service)
    {
        var dir = Path.Combine(service.DataDir, "fuzz-sources");
        Directory.CreateDirectory(dir);
        Directory.CreateDirectory(Path.Combine(service.DataDir, "buckets", FuzzWorld.OutputBucket));
        var wav = Path.Combine(dir, "tiny.wav");
        await File.WriteAllBytesAsync(wav, QuietWav(16000, 8000));
        service.PutFile(FuzzWorld.MediaBucket, "tiny.wav", wav);
        var notAudio = Path.Combine(dir, "not-audio.wav");
        await File.WriteAllTextAsync(notAudio, "not a recording");
        service.PutFile(FuzzWorld.MediaBucket, "not-audio.wav", notAudio);
        var table = Path.Combine(dir, "vocabulary.txt");
        await File.WriteAllTextAsync(table, FuzzWorld.VocabularyTable);
        service.PutFile(FuzzWorld.MediaBucket, "vocabulary.txt", table);
    }

    private static byte[] QuietWav(int rate, int samples)
    {
        var random = new Random(7);
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);
        writer.Write("RIFF"u8);
        writer.Write(36 + samples * 2);
        writer.Write("WAVEfmt "u8);
        writer.Write(16);
        writer.Write((short)1);
        writer.Write((short)1);
        writer.Write(rate);
        writer.Write(rate * 2);
        writer.Write((short)2);
        writer.Write((short)16);
        writer.Write("data"u8);
        writer.Write(samples * 2);
        for (var i = 0; i < samples; i++) writer.Write((short)random.Next(-300, 300));
        writer.Flush();
        return stream.ToArray();
    }

    private static async Task RunPhaseAsync(string name, int requests, int concurrency, int seed,
        Func<Random, MessageGenerator, CancellationToken, Task> send, FuzzWorld world, bool quiet = false, double budgetMinutes = 0)
    {
        var deadline = budgetMinutes > 0 ? DateTime.UtcNow.AddMinutes(budgetMinutes) : DateTime.MaxValue;
        var next = 0L;
        var done = 0L;
        var watch = Stopwatch.StartNew();
        var step = Math.Max(requests / 10, 1);
        var workers = Enumerable.Range(0, concurrency).Select(index => Task.Run(async () =>
        {
            // One generator a worker, seeded from the run's seed: the same seed sends the same requests per worker.
            var random = new Random(seed * 1000 + index);
            var generator = new MessageGenerator(random, world);
            while (DateTime.UtcNow < deadline && Interlocked.Increment(ref next) <= requests)
            {
                await send(random, generator, CancellationToken.None);
                var finished = Interlocked.Increment(ref done);
                if (!quiet && finished % step == 0)
                    Console.WriteLine($"  {name}: {finished:N0}/{requests:N0} in {watch.Elapsed.TotalSeconds:F0} s ({finished / watch.Elapsed.TotalSeconds:F0}/s)");
            }
        })).ToList();
        await Task.WhenAll(workers);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"PocketSphinx decoders? .*; (\d+) loaded")]
    private static partial System.Text.RegularExpressions.Regex DecoderCount();

    /// <summary>The service's own VmRSS, sampled every quarter second; the peak is kept.</summary>
    private sealed class PeakRss : IDisposable
    {
        private readonly Timer _timer;
        private long _peakKb;

        public PeakRss(int pid) => _timer = new Timer(_ =>
        {
            var now = ProcessTreeMemory.Rss(pid);
            if (now > Interlocked.Read(ref _peakKb)) Interlocked.Exchange(ref _peakKb, now);
        }, null, 0, 250);

        public long PeakKb => Interlocked.Read(ref _peakKb);

        public void Dispose() => _timer.Dispose();
    }
}
