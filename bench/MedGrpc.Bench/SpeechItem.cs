using System.Text.Json;

namespace MedGrpc.Bench;

/// <summary>One line of the speech set's manifest.jsonl: what the bench needs of it.</summary>
public sealed record SpeechItem(string Id, string File, string Type, string SubmitAs, string Format, double DurationSeconds, string? AwsHint)
{
    public static IReadOnlyList<SpeechItem> Load(string speechDir) =>
        System.IO.File.ReadLines(Path.Combine(speechDir, "manifest.jsonl"))
            .Where(line => line.Trim().Length > 0)
            .Select(line =>
            {
                var e = JsonDocument.Parse(line).RootElement;
                return new SpeechItem(
                    e.GetProperty("id").GetString()!,
                    Path.Combine(speechDir, e.GetProperty("file").GetString()!),
                    e.GetProperty("type").GetString()!,
                    e.GetProperty("submit_as").GetString()!,
                    e.GetProperty("format").GetString()!,
                    e.GetProperty("duration_s").GetDouble(),
                    e.TryGetProperty("aws_hint", out var hint) && hint.ValueKind == JsonValueKind.String ? hint.GetString() : null);
            })
            .ToList();
}
