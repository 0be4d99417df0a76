using MedGrpc.Scoring;

namespace MedGrpc.Bench;

/// <summary>
/// `score --hyp-dir DIR [--type T ...] [--skip-missing] [--include-expected-failures] [--json-out F] [--halves
/// [--baseline-dir DIR]]`: scores a folder of &lt;id&gt;.json transcripts (an earlier bench/results folder, say) and
/// prints the per-item and per-group tables, then one line of JSON, laid out as the speech set's original scorer
/// (score.py) printed them. With --halves, first the figures by development half (HalfReport), each item paired with
/// the transcripts of --baseline-dir when given (an earlier run's pocketsphinx_continuous folder, say).
/// </summary>
public static class ScoreCommand
{
    private static readonly string[] Types = ["DICTATION", "CONVERSATION", "REAL"];

    public static async Task<int> RunAsync(string speechDir, IReadOnlyList<string> args)
    {
        string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var hypDir = Option("--hyp-dir");
        if (hypDir is null || !Directory.Exists(hypDir))
        {
            Console.Error.WriteLine(hypDir is null ? "score: --hyp-dir DIR is required" : $"score: no folder {hypDir}");
            return 2;
        }
        // --type may be given several times, as with score.py.
        var types = args.Select((a, i) => (a, i)).Where(p => p.a == "--type" && p.i + 1 < args.Count).Select(p => args[p.i + 1]).ToList();
        if (types.FirstOrDefault(t => !Types.Contains(t)) is { } unknown)
        {
            Console.Error.WriteLine($"score: unknown --type {unknown} (one of {string.Join(", ", Types)})");
            return 2;
        }
        var summary = SpeechSetScorer.Score(Path.Combine(speechDir, "manifest.jsonl"), hypDir, new ScoreOptions
        {
            Types = types,
            SkipMissing = args.Contains("--skip-missing"),
            IncludeExpectedFailures = args.Contains("--include-expected-failures"),
        });
        if (args.Contains("--halves"))
        {
            var baselineDir = Option("--baseline-dir");
            if (baselineDir is not null && !Directory.Exists(baselineDir))
            {
                Console.Error.WriteLine($"score: no folder {baselineDir}");
                return 2;
            }
            // The baseline is scored the same way; items missing from it show as "-" beside ours.
            var baseline = baselineDir is null ? null : SpeechSetScorer.Score(Path.Combine(speechDir, "manifest.jsonl"), baselineDir,
                new ScoreOptions { Types = types, SkipMissing = true, IncludeExpectedFailures = args.Contains("--include-expected-failures") });
            Console.Write(HalfReport.Table(summary, baseline));
            Console.WriteLine();
        }
        Console.Write(Report.Table(summary));
        if (Option("--json-out") is { } jsonOut) await File.WriteAllTextAsync(jsonOut, Report.FullJson(summary));
        Console.WriteLine(Report.SummaryLine(summary));
        return 0;
    }
}
