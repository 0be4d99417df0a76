namespace MedGrpc.Bench;

/// <summary>
/// The speech set through each engine that can run here, one service per engine (MedGrpc:Engine),
/// printed side by side: WER, medical-term recall and CPU seconds per audio second. PocketSphinx always
/// runs; Whisper runs when its model file is there (`medgrpc models download NAME` fetches one on a host
/// with internet), and is reported as skipped, with the reason, when it is not.
/// </summary>
public static class EngineComparison
{
    private sealed record EngineResult(string Engine, Dictionary<string, double> Cpu, IReadOnlyDictionary<string, Scorer.ItemScore> Items, double Wer, double? TermRecall);

    public static async Task RunAsync(string serviceDll, int workers, string speechDir, string resultsDir, string? only, string whisperModel, IReadOnlyList<string> settings)
    {
        var items = AccuracyBench.Items(speechDir, only);
        var engines = new List<(string Name, string[] Settings)> { ("pocketsphinx", ["--MedGrpc:Engine=pocketsphinx"]) };
        if (File.Exists(whisperModel))
            engines.Add(($"whisper ({Path.GetFileName(whisperModel)})", ["--MedGrpc:Engine=whisper", $"--MedGrpc:Whisper:ModelPath={whisperModel}"]));
        else
            Console.Error.WriteLine($"whisper: skipped, no model at {whisperModel} (on a host with internet: medgrpc models download large-v3-turbo --dir {Path.GetDirectoryName(whisperModel)}; or --whisper-model PATH)");

        var results = new List<EngineResult>();
        foreach (var (name, engineSettings) in engines)
        {
            Console.Error.WriteLine($"== {name}");
            var dir = Directory.CreateDirectory(Path.Combine(resultsDir, name.Split(' ')[0])).FullName;
            using var service = await ServiceProcess.StartAsync(serviceDll, workers, [.. engineSettings, .. settings]);
            // One unscored job first: PocketSphinx loads its decoder at the first job, Whisper its model at start;
            // neither load should count as an item's CPU.
            await AccuracyBench.TranscribeAllAsync(service, [items.MinBy(i => i.DurationSeconds)!], Directory.CreateDirectory(Path.Combine(resultsDir, "warm-up", name.Split(' ')[0])).FullName,
                hints: false, maxAlternatives: 1, jobPrefix: "warm-up-");
            var cpu = await AccuracyBench.TranscribeAllAsync(service, items, dir, hints: false, maxAlternatives: 1);
            var score = await Scorer.ScoreAsync(speechDir, dir);
            results.Add(new EngineResult(name, cpu, score.Items, score.Wer, score.TermRecall));
        }

        Console.WriteLine();
        Console.WriteLine($"{"item",-28} {"type",-12} {"audio s",8}" + string.Concat(results.Select(r => $" | {Short(r.Engine),-12} {"WER%",6} {"terms%",7} {"RTF",6}")));
        foreach (var item in items)
            Console.WriteLine($"{item.Id,-28} {item.Type,-12} {item.DurationSeconds,8:F1}" + string.Concat(results.Select(r =>
            {
                var s = r.Items.GetValueOrDefault(item.Id);
                return $" | {"",-12} {AccuracyBench.Pct(s?.Wer),6} {AccuracyBench.Pct(s?.TermRecall),7} {r.Cpu[item.Id] / item.DurationSeconds,6:F3}";
            })));
        var audio = items.Sum(i => i.DurationSeconds);
        Console.WriteLine();
        Console.WriteLine($"overall: {items.Count} items, {audio:F0} s of audio");
        foreach (var r in results)
            Console.WriteLine($"{r.Engine}: WER {AccuracyBench.Pct(r.Wer)}%, medical-term recall {AccuracyBench.Pct(r.TermRecall)}%, CPU per audio second {r.Cpu.Values.Sum() / audio:F3}");
    }

    private static string Short(string engine) => engine.Split(' ')[0];
}
