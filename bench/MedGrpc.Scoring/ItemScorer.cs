namespace MedGrpc.Scoring;

/// <summary>Scores one manifest item against its hypothesis (null: the file is missing).</summary>
public static class ItemScorer
{
    public static ItemScore Score(ManifestItem item, Hypothesis? hypothesis)
    {
        // The manifest's reference is already normalized; normalizing again is a no-op kept for safety.
        var reference = Normalizer.NormalizeTokens(item.Reference);
        var (words, source) = hypothesis?.WordsForWer() ?? ([], "missing");
        var score = new ItemScore
        {
            Id = item.Id,
            Type = item.Type,
            Variant = item.Variant,
            ExpectFailure = item.ExpectFailure,
            Missing = hypothesis is null,
            RefWords = reference.Count,
            HypWords = words.Count,
            Edits = WordErrorRate.Align(reference, words),
            HypSource = source,
            Terms = TermRecall.Count(reference, words, item.MedicalTerms),
        };
        if (hypothesis is null || item.Speakers.Count == 0) return score;

        if (hypothesis.Segments is { Count: > 0 } segments)
            score = score with { Diarization = Diarization.Score(item.Speakers, segments) };
        // Channel figures only for 2-channel items: channel labels on a mono item are scored for WER alone.
        if (hypothesis.Channels is { Count: > 0 } channels && item.Channels >= 2)
            score = score with
            {
                Channel = ChannelAccuracy.Score(item.Speakers, channels),
                ChannelWerScored = true,
                ChannelWer = ChannelWordErrorRate.Score(item.Speakers, channels),
            };
        return score;
    }
}
