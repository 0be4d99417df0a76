namespace MedGrpc.Scoring;

/// <summary>
/// Figures over a group of items. WER and term recall are pooled (errors over all reference words); the
/// diarization and channel figures are means over the items that have them.
/// </summary>
public sealed record Aggregate(
    int Items,
    int Missing,
    int RefWords,
    double? Wer,
    double? WerItemMean,
    double? TermRecall,
    int TermsTotal,
    double? DiarConfusionMean,
    double? DiarMissedMean,
    double? ChannelAccMean,
    double? WerChMean)
{
    public static Aggregate Of(IReadOnlyCollection<ItemScore> rows)
    {
        var refWords = rows.Sum(r => r.RefWords);
        var errors = rows.Sum(r => r.Edits.Errors);
        var matched = rows.Sum(r => r.Terms.Matched);
        var terms = rows.Sum(r => r.Terms.Total);
        return new Aggregate(
            rows.Count,
            rows.Count(r => r.Missing),
            refWords,
            refWords == 0 ? null : (double)errors / refWords,
            Mean(rows.Select(r => r.Wer)),
            terms == 0 ? null : (double)matched / terms,
            terms,
            Mean(rows.Select(r => r.Diarization?.Confusion)),
            Mean(rows.Select(r => r.Diarization?.Missed)),
            Mean(rows.Select(r => r.Channel?.Accuracy)),
            Mean(rows.Select(r => r.ChannelWer)));
    }

    private static double? Mean(IEnumerable<double?> values)
    {
        var present = values.OfType<double>().ToList();
        return present.Count == 0 ? null : present.Sum() / present.Count;
    }
}
