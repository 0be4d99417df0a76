using System.Text;
using System.Text.Json;

namespace MedGrpc.Scoring;

/// <summary>
/// The scorer's printed output, laid out as the original scorer's so that old and new results read alike: a table
/// per item, a table per group, then one line of JSON (overall, by_type, expected_failures); and the full
/// per-item JSON for --json-out. JSON keys are the original's snake_case names.
/// </summary>
public static class Report
{
    public static string Table(ScoreSummary summary)
    {
        var text = new StringBuilder();
        var header = $"{"id",-34} {"type",-12} {"var",-4} {"refN",5} {"WER%",6} {"S",4} {"D",4} {"I",4} {"term%",6} {"diarErr%",8} {"chAcc%",6} {"werCh%",6}  note";
        text.Append(header).Append('\n').Append(new string('-', header.Length)).Append('\n');
        foreach (var r in summary.Items)
        {
            var notes = new List<string>();
            if (r.Missing) notes.Add("MISSING");
            if (r.ExpectFailure) notes.Add("expected-failure");
            if (r.Terms.Missed.Count > 0)
                notes.Add("missed: " + string.Join(", ", r.Terms.Missed.Take(6)) + (r.Terms.Missed.Count > 6 ? "..." : ""));
            text.Append($"{Cut(r.Id, 34),-34} {r.Type,-12} {Cut(r.Variant, 4),-4} {r.RefWords,5} {Percent.Format(r.Wer)} " +
                        $"{r.Edits.Substitutions,4} {r.Edits.Deletions,4} {r.Edits.Insertions,4} {Percent.Format(r.Terms.Recall)} " +
                        $"{Percent.Format(r.Diarization?.Confusion),8} {Percent.Format(r.Channel?.Accuracy)} {Percent.Format(r.ChannelWer)}  " +
                        string.Join("; ", notes)).Append('\n');
        }
        text.Append('\n');
        text.Append($"{"group",-26} {"items",5} {"miss",4} {"refN",6} {"WER%",6} {"meanWER%",8} {"term%",6} {"diarErr%",8} {"diarMiss%",9} {"chAcc%",6} {"werCh%",6}").Append('\n');
        foreach (var (name, a) in new[] { new KeyValuePair<string, Aggregate>("OVERALL", summary.Overall) }.Concat(summary.Groups.OrderBy(g => g.Key, StringComparer.Ordinal)))
            text.Append($"{name,-26} {a.Items,5} {a.Missing,4} {a.RefWords,6} {Percent.Format(a.Wer)} {Percent.Format(a.WerItemMean),8} {Percent.Format(a.TermRecall)} " +
                        $"{Percent.Format(a.DiarConfusionMean),8} {Percent.Format(a.DiarMissedMean),9} {Percent.Format(a.ChannelAccMean)} {Percent.Format(a.WerChMean)}").Append('\n');
        return text.ToString();
    }

    /// <summary>The last line printed: overall, by_type and expected_failures, compact.</summary>
    public static string SummaryLine(ScoreSummary summary) => Json(summary, withItems: false, indented: false);

    /// <summary>Everything, items included: what --json-out writes.</summary>
    public static string FullJson(ScoreSummary summary) => Json(summary, withItems: true, indented: true);

    private static string Json(ScoreSummary summary, bool withItems, bool indented)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WritePropertyName("overall");
            Write(w, summary.Overall);
            w.WriteStartObject("by_type");
            foreach (var (name, a) in summary.Groups)
            {
                w.WritePropertyName(name);
                Write(w, a);
            }
            w.WriteEndObject();
            w.WriteStartArray("expected_failures");
            foreach (var r in summary.ExpectedFailures)
            {
                w.WriteStartObject();
                w.WriteString("id", r.Id);
                w.WriteBoolean("hyp_present", !r.Missing);
                Number(w, "wer", r.Wer);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            if (withItems)
            {
                w.WriteStartArray("items");
                foreach (var r in summary.Items) Write(w, r);
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Write(Utf8JsonWriter w, Aggregate a)
    {
        w.WriteStartObject();
        w.WriteNumber("items", a.Items);
        w.WriteNumber("missing", a.Missing);
        w.WriteNumber("ref_words", a.RefWords);
        Number(w, "wer", a.Wer);
        Number(w, "wer_item_mean", a.WerItemMean);
        Number(w, "term_recall", a.TermRecall);
        w.WriteNumber("terms_total", a.TermsTotal);
        Number(w, "diar_confusion_mean", a.DiarConfusionMean);
        Number(w, "diar_missed_mean", a.DiarMissedMean);
        Number(w, "channel_acc_mean", a.ChannelAccMean);
        Number(w, "wer_ch_mean", a.WerChMean);
        w.WriteEndObject();
    }

    // The original's keys, present or absent as there: diarization and channel keys only when scored.
    private static void Write(Utf8JsonWriter w, ItemScore r)
    {
        w.WriteStartObject();
        w.WriteString("id", r.Id);
        w.WriteString("type", r.Type);
        w.WriteString("variant", r.Variant);
        w.WriteBoolean("expect_failure", r.ExpectFailure);
        w.WriteBoolean("missing", r.Missing);
        w.WriteNumber("ref_words", r.RefWords);
        w.WriteNumber("hyp_words", r.HypWords);
        w.WriteNumber("sub", r.Edits.Substitutions);
        w.WriteNumber("del", r.Edits.Deletions);
        w.WriteNumber("ins", r.Edits.Insertions);
        w.WriteNumber("errors", r.Edits.Errors);
        Number(w, "wer", r.Wer);
        w.WriteString("hyp_source", r.HypSource);
        w.WriteNumber("terms_matched", r.Terms.Matched);
        w.WriteNumber("terms_total", r.Terms.Total);
        Number(w, "term_recall", r.Terms.Recall);
        w.WriteStartArray("terms_missed");
        foreach (var term in r.Terms.Missed) w.WriteStringValue(term);
        w.WriteEndArray();
        if (r.Diarization is { } d)
        {
            w.WriteNumber("diar_confusion", d.Confusion);
            w.WriteNumber("diar_missed", d.Missed);
            w.WriteStartObject("diar_mapping");
            foreach (var (speaker, label) in d.Mapping)
                if (label is null) w.WriteNull(speaker); else w.WriteString(speaker, label);
            w.WriteEndObject();
        }
        if (r.Channel is { } c)
        {
            w.WriteNumber("channel_acc", c.Accuracy);
            w.WriteNumber("channel_words", c.Words);
            w.WriteNumber("channel_words_outside", c.WordsOutside);
        }
        if (r.ChannelWerScored) Number(w, "wer_ch", r.ChannelWer);
        w.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v) w.WriteNumber(name, v); else w.WriteNull(name);
    }

    private static string Cut(string text, int width) => text.Length <= width ? text : text[..width];
}
