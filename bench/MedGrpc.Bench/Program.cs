using System.Globalization;
using MedGrpc.Bench;
using MedGrpc.Bench.ScaleOut;
using MedGrpc.Scoring;

// Usage: dotnet run --project bench/MedGrpc.Bench -c Release -- [accuracy|engines|load|load-scaleout|chaos|long|pieces|aws-latency|stream|crash|phi|format-check|score|analyzer-cost] [--calls N] [--hyp-dir DIR] [--type T] [--skip-missing] [--json-out F] [--whisper-model PATH] [--no-baseline] [--only ID] [--half tune|held-out] [--noise-db N] [--voice V] [--halves] [--baseline-dir DIR] [--hints] [--alternatives N] [--jobs N] [--workers N] [--start-callers N] [--gets-per-second N] [--hold-seconds S] [--watch-batches N] [--timeout-minutes M] [--minutes M] [--dictation-seconds S] [--memory-minutes M] [--parallelism N] [--decoders N] [--no-cache] [--boundaries-only] [--speaker-labels] [--text-only] [--files N] [--pairs N] [--in-process] [--telemetry] [--streams N] [--busy-jobs M] [--seconds S] [--kills N] [--pg-restarts N] [--s3-restarts N] [--max-minutes M] [--vocabularies N] [--max-seconds S] [--seed N] [--MedGrpc:Setting=value ...]
var mode = args.FirstOrDefault(a => !a.StartsWith("--")) ?? "accuracy";
string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

var repo = FindRepo();
if (mode == "analyzer-cost")
{
    var files = int.Parse(Option("--files") ?? "300");
    var pairs = int.Parse(Option("--pairs") ?? "15");
    return args.Contains("--in-process") ? AnalyzerCost.Run(files, pairs, args.Contains("--telemetry")) : AnalyzerCost.RunBuild(repo, files, pairs);
}
if (mode == "diarization-sweep")
{
    await DiarizationSweep.RunAsync(Option("--speech") ?? Path.Combine(repo, "testdata", "speech"), double.Parse(Option("--seconds") ?? "1000"), args.Contains("--defaults-only"));
    return 0;
}
if (mode == "score")
    return await ScoreCommand.RunAsync(Option("--speech") ?? Path.Combine(repo, "testdata", "speech"), args);
if (mode == "format-check")
{
    await FormatCheck.RunAsync(Option("--speech") ?? Path.Combine(repo, "testdata", "speech"));
    return 0;
}
var phiSet = Option("--set") ?? "tune";
if (mode == "phi" && !PhiBench.Sets.ContainsKey(phiSet))
{
    Console.Error.WriteLine($"--set is tune or held-out, not '{phiSet}'");
    return 2;
}
if (mode == "phi" && args.Contains("--text-only"))
{
    await PhiBench.RunAsync(null, repo, textOnly: true, phiSet);
    return 0;
}
var speechDir = Option("--speech") ?? Path.Combine(repo, "testdata", "speech");
// Dictation variants the speech set does not hold, made before the service starts: --noise-db 15, --voice kal16.
if (Option("--noise-db") is { } noiseDb)
    speechDir = await DerivedSpeechSet.NoisyAsync(speechDir, double.Parse(noiseDb, CultureInfo.InvariantCulture));
if (Option("--voice") is { } voice)
    speechDir = await DerivedSpeechSet.RevoicedAsync(speechDir, voice);
var serviceDll = Option("--service-dll") ?? Path.Combine(repo, "src", "Service", "bin", "Release", "net10.0", "MedGrpc.Service.dll");
var workers = int.Parse(Option("--workers") ?? Environment.ProcessorCount.ToString());
if (!File.Exists(serviceDll)) throw new FileNotFoundException($"Build the service first (dotnet build -c Release): {serviceDll}");

// Service settings to try, passed through as they are: --MedGrpc:PocketSphinx:MedicalWeight=0.3; and the service's log
// levels (--Logging:LogLevel:MedGrpc.Engines.PocketSphinx=Debug), which otherwise are Warning.
var serviceSettings = args.Where(a => a.StartsWith("--MedGrpc:", StringComparison.Ordinal) || a.StartsWith("--Logging:", StringComparison.Ordinal)).ToArray();
if (mode == "engines")
{
    // One service per engine that can run here; Whisper only when its model file exists.
    var results = Path.Combine(repo, "bench", "results", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss") + "-engines");
    var whisperModel = Path.GetFullPath(Option("--whisper-model") ?? Path.Combine(repo, "models", "whisper", "ggml-large-v3-turbo.bin"));
    await EngineComparison.RunAsync(serviceDll, workers, speechDir, results, Option("--only"), whisperModel, serviceSettings);
    Console.WriteLine($"transcripts and scores: {results}");
    return 0;
}
if (mode == "load-scaleout")
{
    var options = new ScaleOutOptions(repo, speechDir, serviceDll,
        Jobs: int.Parse(Option("--jobs") ?? "1000"),
        WorkersPerReplica: workers,
        StartCallers: int.Parse(Option("--start-callers") ?? "50"),
        GetsPerSecond: double.Parse(Option("--gets-per-second") ?? "20", CultureInfo.InvariantCulture),
        HoldSeconds: double.Parse(Option("--hold-seconds") ?? "60", CultureInfo.InvariantCulture),
        WatchBatches: int.Parse(Option("--watch-batches") ?? "4"),
        Timeout: TimeSpan.FromMinutes(double.Parse(Option("--timeout-minutes") ?? "60", CultureInfo.InvariantCulture)),
        ServiceSettings: serviceSettings);
    return await ScaleOutCommand.RunAsync(options);
}
if (mode == "chaos") return await MedGrpc.Bench.Chaos.ChaosCommand.RunAsync(repo, speechDir, serviceDll, workers, serviceSettings, Option);
if (mode == "long")
{
    return await LongBench.RunAsync(new LongBench.Options(serviceDll, speechDir, workers,
        Minutes: double.Parse(Option("--minutes") ?? "22", CultureInfo.InvariantCulture),
        DictationSeconds: double.Parse(Option("--dictation-seconds") ?? "120", CultureInfo.InvariantCulture),
        MemoryMinutes: Option("--memory-minutes") is { } memory ? double.Parse(memory, CultureInfo.InvariantCulture) : null,
        SpeakerLabels: args.Contains("--speaker-labels"),
        ServiceSettings: serviceSettings));
}
if (mode == "pieces")
{
    if (Option("--half") is { } piecesHalf && HalfNames.Parse(piecesHalf) is null)
    {
        Console.Error.WriteLine($"--half is tune or held-out, not '{piecesHalf}'");
        return 2;
    }
    // Engine settings as the service takes them: --MedGrpc:PocketSphinx:Arguments="-maxhmmpf 10000"
    const string engineSection = "--MedGrpc:PocketSphinx:";
    return await PiecesBench.RunAsync(new PiecesBench.Options(speechDir,
        Minutes: double.Parse(Option("--minutes") ?? "6", CultureInfo.InvariantCulture),
        Half: HalfNames.Parse(Option("--half")),
        Parallelism: int.Parse(Option("--parallelism") ?? "2"),
        // --decoders 1: the pieces one after another, so that their CPU compares with the whole run's (one thread each).
        Decoders: int.Parse(Option("--decoders") ?? Option("--parallelism") ?? "2"),
        NoCache: args.Contains("--no-cache"),
        BoundariesOnly: args.Contains("--boundaries-only"),
        EngineSettings: serviceSettings.Where(s => s.StartsWith(engineSection, StringComparison.Ordinal))
            .Select(s => s[engineSection.Length..].Split('=', 2)).ToDictionary(kv => kv[0], kv => kv[1])));
}
if (mode == "crash")
{
    return await CrashBench.RunAsync(new CrashBench.Options(serviceDll, speechDir,
        Kills: int.Parse(Option("--kills") ?? "50"),
        Jobs: int.Parse(Option("--jobs") ?? "100"),
        Vocabularies: int.Parse(Option("--vocabularies") ?? "20"),
        Workers: workers,
        MaxSecondsToKill: double.Parse(Option("--max-seconds") ?? "6", CultureInfo.InvariantCulture),
        Timeout: TimeSpan.FromMinutes(double.Parse(Option("--timeout-minutes") ?? "30", CultureInfo.InvariantCulture)),
        Seed: int.Parse(Option("--seed") ?? "20"),
        ServiceSettings: serviceSettings));
}
if (mode == "fuzz")
    return await MedGrpc.Bench.Fuzz.FuzzBench.RunAsync(MedGrpc.Bench.Fuzz.FuzzBench.Options.From(Option, serviceDll, workers, serviceSettings));
if (mode == "aws-latency")
{
    var awsPort = ServiceProcess.FreePort();
    using var awsService = await ServiceProcess.StartAsync(serviceDll, workers, [.. AwsLatencyBench.Settings(awsPort), .. serviceSettings]);
    await AwsLatencyBench.RunAsync(awsService, awsPort, int.Parse(Option("--calls") ?? "500"));
    return 0;
}
if (mode == "stream")
{
    var streams = int.Parse(Option("--streams") ?? "1");
    using var streamService = await ServiceProcess.StartAsync(serviceDll, workers, [.. StreamBench.Settings(streams), .. serviceSettings]);
    return await StreamBench.RunAsync(streamService, speechDir, streams, int.Parse(Option("--busy-jobs") ?? "0"),
        Option("--seconds") is { } cut ? double.Parse(cut, CultureInfo.InvariantCulture) : null);
}
// Checked before the service starts, so that a typo costs nothing.
if (Option("--half") is { } halfName && HalfNames.Parse(halfName) is null)
{
    Console.Error.WriteLine($"--half is tune or held-out, not '{halfName}'");
    return 2;
}
using var service = await ServiceProcess.StartAsync(serviceDll, workers, serviceSettings);
switch (mode)
{
    case "accuracy":
        var results = Path.Combine(repo, "bench", "results", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss"));
        await AccuracyBench.RunAsync(service, speechDir, results, baseline: !args.Contains("--no-baseline"), only: Option("--only"), half: HalfNames.Parse(Option("--half")),
            hints: args.Contains("--hints"), maxAlternatives: int.Parse(Option("--alternatives") ?? "1"));
        Console.WriteLine($"transcripts and scores: {results}");
        break;
    case "load":
        await LoadBench.RunAsync(service, speechDir, int.Parse(Option("--jobs") ?? "50"));
        break;
    case "phi":
        await PhiBench.RunAsync(service, repo, textOnly: false, phiSet);
        break;
    default:
        Console.Error.WriteLine($"unknown mode '{mode}': accuracy, engines, load, load-scaleout, chaos, long, pieces, aws-latency, stream, crash, phi, format-check, score or diarization-sweep");
        return 2;
}
return 0;

static string FindRepo()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "MedGrpc.sln"))) return dir.FullName;
    throw new DirectoryNotFoundException("run the bench from inside the repository");
}
