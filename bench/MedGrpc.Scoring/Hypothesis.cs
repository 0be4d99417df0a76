using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace MedGrpc.Scoring;

/// <summary>One pronunciation item of a transcript: times in seconds (null when absent or unreadable).</summary>
public sealed record HypothesisWord(double? Start, double? End, string Content, string? SpeakerLabel);

/// <summary>A speaker-labelled stretch of time, from speaker_labels.segments or from the items' own labels.</summary>
public sealed record SpeakerSegment(double? Start, double? End, string? Label);

/// <summary>
/// What the scorer reads of an AWS-format (Transcribe Medical) transcript: results.transcripts[0].transcript,
/// results.items, results.speaker_labels.segments and results.channel_labels.channels. A top-level object
/// without "results" is read as the results themselves.
/// </summary>
public sealed partial record Hypothesis(
    string Transcript,
    IReadOnlyList<HypothesisWord> Items,
    IReadOnlyList<SpeakerSegment>? Segments,
    IReadOnlyDictionary<int, IReadOnlyList<HypothesisWord>>? Channels)
{
    public static Hypothesis Load(string path) => Parse(File.ReadAllText(path));

    public static Hypothesis Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var results = root.TryGetProperty("results", out var r) ? r : root;

        var transcript = "";
        if (results.TryGetProperty("transcripts", out var transcripts) && transcripts.ValueKind == JsonValueKind.Array && transcripts.GetArrayLength() > 0)
            transcript = String(transcripts[0], "transcript") ?? "";
        var items = Words(Property(results, "items"));

        IReadOnlyList<SpeakerSegment>? segments = null;
        if (Property(results, "speaker_labels") is { } labels && Property(labels, "segments") is { ValueKind: JsonValueKind.Array } segs && segs.GetArrayLength() > 0)
            segments = segs.EnumerateArray().Select(s => new SpeakerSegment(Seconds(s, "start_time"), Seconds(s, "end_time"), String(s, "speaker_label"))).ToList();
        else if (items.Any(w => !string.IsNullOrEmpty(w.SpeakerLabel)))
            // No segments: the items' own labels, each word its own segment, so the gaps between words count as
            // unlabelled speech (diarization "missed"), as in the original scorer.
            segments = items.Where(w => w.SpeakerLabel is not null).Select(w => new SpeakerSegment(w.Start, w.End, w.SpeakerLabel)).ToList();

        Dictionary<int, IReadOnlyList<HypothesisWord>>? channels = null;
        if (Property(results, "channel_labels") is { } channelLabels && Property(channelLabels, "channels") is { ValueKind: JsonValueKind.Array } chans && chans.GetArrayLength() > 0)
        {
            channels = [];
            foreach (var channel in chans.EnumerateArray())
            {
                // "ch_1" → 1; a label without a trailing number takes the next index (a repeated index replaces the earlier channel).
                var m = TrailingNumber().Match(String(channel, "channel_label") ?? "");
                var index = m.Success && int.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : channels.Count;
                channels[index] = Words(Property(channel, "items"));
            }
        }
        return new Hypothesis(transcript, items, segments, channels);
    }

    /// <summary>
    /// The words WER is computed on. With channel labels, Transcribe writes channel 0's text and then channel 1's,
    /// while the reference is in time order: the words of all channels are merged by start time (no time: last).
    /// </summary>
    public (IReadOnlyList<string> Tokens, string Source) WordsForWer()
    {
        if (Channels is { Count: > 0 })
        {
            var merged = Channels
                .SelectMany(c => c.Value.Select((w, k) => (Start: w.Start ?? 1e9, Channel: c.Key, K: k, w.Content)))
                .OrderBy(w => w.Start).ThenBy(w => w.Channel).ThenBy(w => w.K);
            return (Normalizer.NormalizeTokens(string.Join(' ', merged.Select(w => w.Content))), "channel_items");
        }
        return (Normalizer.NormalizeTokens(Transcript), "transcript");
    }

    private static List<HypothesisWord> Words(JsonElement? items)
    {
        var words = new List<HypothesisWord>();
        if (items is not { ValueKind: JsonValueKind.Array } array) return words;
        foreach (var item in array.EnumerateArray())
        {
            if ((String(item, "type") ?? "pronunciation") != "pronunciation") continue;   // punctuation
            var content = "";
            if (Property(item, "alternatives") is { ValueKind: JsonValueKind.Array } alternatives && alternatives.GetArrayLength() > 0)
                content = String(alternatives[0], "content") ?? "";
            words.Add(new HypothesisWord(Seconds(item, "start_time"), Seconds(item, "end_time"), content, String(item, "speaker_label")));
        }
        return words;
    }

    private static JsonElement? Property(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v : null;

    // Labels are strings in AWS output; any other value is taken by its JSON text.
    private static string? String(JsonElement e, string name) => Property(e, name) is { } v
        ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText()
        : null;

    /// <summary>A time given as a string ("1.25", as AWS writes it) or a number; null when absent or not a number.</summary>
    private static double? Seconds(JsonElement e, string name)
    {
        if (Property(e, name) is not { } v) return null;
        if (v.ValueKind == JsonValueKind.Number) return v.GetDouble();
        if (v.ValueKind == JsonValueKind.True) return 1;
        if (v.ValueKind == JsonValueKind.False) return 0;
        if (v.ValueKind != JsonValueKind.String) return null;
        var text = v.GetString()!.Trim();
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) ? seconds
            : text.ToLowerInvariant() switch
            {
                "inf" or "+inf" or "infinity" or "+infinity" => double.PositiveInfinity,
                "-inf" or "-infinity" => double.NegativeInfinity,
                "nan" or "+nan" or "-nan" => double.NaN,
                _ => null,
            };
    }

    [GeneratedRegex(@"(\d+)$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingNumber();
}
