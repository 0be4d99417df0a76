namespace MedGrpc.Scoring;

/// <summary>Share of hypothesis words on the right channel; words counted, and words near no reference turn.</summary>
public sealed record ChannelAccuracyScore(double Accuracy, int Words, int WordsOutside);

/// <summary>
/// Channel identification: a hypothesis word is right when its midpoint falls in (or within 0.5 s of) a reference
/// turn whose channel is the word's channel. Words with no turn that near are counted apart, not as errors; words
/// without times are not counted at all (as in the original scorer).
/// </summary>
public static class ChannelAccuracy
{
    public const double Tolerance = 0.5;

    /// <returns>null when no word falls near a reference turn.</returns>
    public static ChannelAccuracyScore? Score(IReadOnlyList<SpeakerTurn> turns, IReadOnlyDictionary<int, IReadOnlyList<HypothesisWord>> channels)
    {
        int correct = 0, total = 0, outside = 0;
        foreach (var (channel, words) in channels)
            foreach (var word in words)
            {
                if (word is not { Start: { } start, End: { } end }) continue;
                var mid = 0.5 * (start + end);
                int? nearest = null;
                double? nearestDistance = null;
                // The nearest turn; on a tie the earlier one in the manifest.
                foreach (var turn in turns)
                {
                    var distance = turn.Start <= mid && mid <= turn.End ? 0.0 : Math.Min(Math.Abs(mid - turn.Start), Math.Abs(mid - turn.End));
                    if (distance <= Tolerance && (nearestDistance is null || distance < nearestDistance))
                        (nearest, nearestDistance) = (turn.Channel, distance);
                }
                if (nearest is null)
                {
                    outside++;
                    continue;
                }
                total++;
                if (nearest == channel) correct++;
            }
        return total == 0 ? null : new ChannelAccuracyScore((double)correct / total, total, outside);
    }
}
