using System.Diagnostics;
using System.Text.Json;

namespace MedGrpc.Bench;

/// <summary>Scores a folder of AWS-format transcripts with the speech set's own score.py.</summary>
public static class Scorer
{
    public sealed record ItemScore(string Id, double? Wer, double? TermRecall);

    public static async Task<(IReadOnlyDictionary<string, ItemScore> Items, double Wer, double? TermRecall)> ScoreAsync(string speechDir, string hypDir)
    {
        var jsonOut = Path.Combine(hypDir, "_scores.json");
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(speechDir, "score.py"), "--hyp-dir", hypDir, "--json-out", jsonOut, "--skip-missing" })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException("score.py failed");

        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(jsonOut));
        var root = document.RootElement;
        var items = root.GetProperty("items").EnumerateArray().Select(i => new ItemScore(
            i.GetProperty("id").GetString()!,
            Number(i, "wer"),
            Number(i, "term_recall"))).ToDictionary(i => i.Id);
        var overall = root.GetProperty("overall");
        return (items, Number(overall, "wer") ?? double.NaN, Number(overall, "term_recall"));
    }

    private static double? Number(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
}
