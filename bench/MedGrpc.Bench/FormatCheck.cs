using System.Text.Json;
using MedGrpc.Core.Clinical.Formatting;
using MedGrpc.Core.Ports;
using MedGrpc.Scoring;

namespace MedGrpc.Bench;

/// <summary>
/// Whether clinical formatting can change a WER: every reference of the speech set is formatted as if
/// it were heard perfectly, and the scorer's normalization of the formatted text is compared with that of
/// the reference. Prints each difference and the WER the formatting alone costs.
/// </summary>
public static class FormatCheck
{
    public static Task RunAsync(string speechDir)
    {
        var errors = 0;
        var words = 0;
        foreach (var line in File.ReadLines(Path.Combine(speechDir, "manifest.jsonl")).Where(l => l.Trim().Length > 0))
        {
            var e = JsonDocument.Parse(line).RootElement;
            var id = e.GetProperty("id").GetString();
            var reference = e.GetProperty("reference").GetString()!;
            var recognized = reference.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select((w, k) => new RecognizedWord(w, k, k + 0.5, 1)).ToList();
            var formatted = string.Join(' ', ClinicalFormatter.Format(recognized).Select(w => w.Text));
            var referenceTokens = Normalizer.NormalizeTokens(reference);
            var edits = WordErrorRate.Align(referenceTokens, Normalizer.NormalizeTokens(formatted));
            errors += edits.Errors;
            words += referenceTokens.Count;
            if (edits.Errors > 0) Console.WriteLine($"{id}: {edits.Errors} errors; formatted: {formatted}");
        }
        Console.WriteLine($"formatting alone: {errors} word errors in {words} reference words (WER {Percent.Fixed(100.0 * errors / Math.Max(words, 1), 2)}%)");
        return Task.CompletedTask;
    }
}
