using System.Diagnostics;
using System.Text.Json;
using MedGrpc.Core.Clinical.Formatting;
using MedGrpc.Core.Ports;

namespace MedGrpc.Bench;

/// <summary>
/// Whether clinical formatting can change a WER: every reference of the speech set is formatted as if
/// it were heard perfectly, and score.py's normalize() of the formatted text is compared with that of
/// the reference. Prints each difference and the WER the formatting alone costs.
/// </summary>
public static class FormatCheck
{
    public static async Task RunAsync(string speechDir)
    {
        var pairs = File.ReadLines(Path.Combine(speechDir, "manifest.jsonl")).Where(l => l.Trim().Length > 0).Select(line =>
        {
            var e = JsonDocument.Parse(line).RootElement;
            var reference = e.GetProperty("reference").GetString()!;
            var words = reference.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select((w, k) => new RecognizedWord(w, k, k + 0.5, 1)).ToList();
            return new { id = e.GetProperty("id").GetString(), reference, formatted = string.Join(' ', ClinicalFormatter.Format(words).Select(w => w.Text)) };
        }).ToList();
        var input = Path.GetTempFileName();
        await File.WriteAllLinesAsync(input, pairs.Select(p => JsonSerializer.Serialize(p)));
        const string script = """
            import json, sys
            sys.path.insert(0, sys.argv[1])
            from score import normalize_tokens, edit_ops
            errors = words = 0
            for line in open(sys.argv[2]):
                p = json.loads(line)
                ref, hyp = normalize_tokens(p["reference"]), normalize_tokens(p["formatted"])
                s, d, i = edit_ops(ref, hyp)
                errors += s + d + i; words += len(ref)
                if s + d + i: print(f"{p['id']}: {s + d + i} errors; formatted: {p['formatted']}")
            print(f"formatting alone: {errors} word errors in {words} reference words (WER {100 * errors / max(words, 1):.2f}%)")
            """;
        var start = new ProcessStartInfo("python3") { UseShellExecute = false };
        foreach (var arg in new[] { "-c", script, speechDir, input }) start.ArgumentList.Add(arg);
        using var python = Process.Start(start)!;
        await python.WaitForExitAsync();
        File.Delete(input);
    }
}
