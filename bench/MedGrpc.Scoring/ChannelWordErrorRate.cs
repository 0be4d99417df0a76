namespace MedGrpc.Scoring;

/// <summary>
/// WER per channel of a 2-channel item, pooled: each channel's reference turns (the doctor's on channel 0,
/// the patient's on channel 1) against that channel's words in time order.
/// </summary>
public static class ChannelWordErrorRate
{
    /// <returns>null when the turns have no reference words.</returns>
    public static double? Score(IReadOnlyList<SpeakerTurn> turns, IReadOnlyDictionary<int, IReadOnlyList<HypothesisWord>> channels)
    {
        int errors = 0, words = 0;
        foreach (var channel in turns.Select(t => t.Channel).Distinct().Order())
        {
            var reference = Normalizer.NormalizeTokens(string.Join(' ', turns.OrderBy(t => t.Start).Where(t => t.Channel == channel).Select(t => t.Text)));
            var said = channels.GetValueOrDefault(channel) ?? [];
            var hypothesis = Normalizer.NormalizeTokens(string.Join(' ', said.OrderBy(w => w.Start ?? 1e9).Select(w => w.Content)));
            errors += WordErrorRate.Align(reference, hypothesis).Errors;
            words += reference.Count;
        }
        return words == 0 ? null : (double)errors / words;
    }
}
