using System.Text.Json;

namespace MedGrpc.Scoring;

/// <summary>One turn of a conversation: who spoke, on which channel of the 2-channel file, when, and what.</summary>
public sealed record SpeakerTurn(string Speaker, int Channel, double Start, double End, string Text);

/// <summary>What the scorer needs of one line of the speech set's manifest.jsonl.</summary>
public sealed record ManifestItem(
    string Id,
    string Type,
    string Variant,
    bool ExpectFailure,
    string Reference,
    IReadOnlyList<string> MedicalTerms,
    IReadOnlyList<SpeakerTurn> Speakers,
    int Channels);

/// <summary>The speech set's manifest.jsonl: one JSON object per line, blank lines ignored.</summary>
public static class Manifest
{
    public static IReadOnlyList<ManifestItem> Load(string path) =>
        File.ReadLines(path).Where(line => line.Trim().Length > 0).Select(Parse).ToList();

    public static ManifestItem Parse(string line)
    {
        using var document = JsonDocument.Parse(line);
        var e = document.RootElement;
        return new ManifestItem(
            e.GetProperty("id").GetString()!,
            e.GetProperty("type").GetString()!,
            OptionalString(e, "variant") ?? "",
            e.TryGetProperty("expect_failure", out var failure) && failure.ValueKind == JsonValueKind.True,
            OptionalString(e, "reference") ?? "",
            e.TryGetProperty("medical_terms", out var terms) && terms.ValueKind == JsonValueKind.Array
                ? terms.EnumerateArray().Select(t => t.GetString()!).ToList()
                : [],
            e.TryGetProperty("speakers", out var speakers) && speakers.ValueKind == JsonValueKind.Array
                ? speakers.EnumerateArray().Select(s => new SpeakerTurn(
                    s.GetProperty("speaker").GetString()!,
                    s.TryGetProperty("channel", out var ch) && ch.ValueKind == JsonValueKind.Number ? ch.GetInt32() : 0,
                    s.GetProperty("start").GetDouble(),
                    s.GetProperty("end").GetDouble(),
                    OptionalString(s, "text") ?? "")).ToList()
                : [],
            e.TryGetProperty("channels", out var channels) && channels.ValueKind == JsonValueKind.Number ? channels.GetInt32() : 1);
    }

    private static string? OptionalString(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
