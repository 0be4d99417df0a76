namespace MedGrpc.Scoring;

/// <summary>Matched, total and missed medical terms of one item.</summary>
public sealed record TermCounts(int Matched, int Total, IReadOnlyList<string> Missed)
{
    public double? Recall => Total == 0 ? null : (double)Matched / Total;
}

/// <summary>
/// Clipped recall of the manifest's medical terms: each term counts min(occurrences in the reference,
/// occurrences in the hypothesis), both normalized, over its occurrences in the reference.
/// </summary>
public static class TermRecall
{
    public static TermCounts Count(IReadOnlyList<string> reference, IReadOnlyList<string> hypothesis, IEnumerable<string> terms)
    {
        int total = 0, matched = 0;
        var missed = new List<string>();
        // Terms are made unique before normalizing, so two spellings of one term ("G.P.", "GP") count twice, as in
        // the original scorer.
        foreach (var term in terms.Distinct(StringComparer.Ordinal))
        {
            var termTokens = Normalizer.NormalizeTokens(term);
            var inReference = Occurrences(reference, termTokens);
            if (inReference == 0) continue;     // a term the reference doesn't contain (after normalizing) counts for nothing
            var inHypothesis = Occurrences(hypothesis, termTokens);
            total += inReference;
            matched += Math.Min(inReference, inHypothesis);
            if (inHypothesis < inReference) missed.Add(term);
        }
        return new TermCounts(matched, total, missed);
    }

    /// <summary>Occurrences of a token sequence, overlapping ones included.</summary>
    public static int Occurrences(IReadOnlyList<string> tokens, IReadOnlyList<string> term)
    {
        if (term.Count == 0) return 0;
        var count = 0;
        for (var i = 0; i + term.Count <= tokens.Count; i++)
        {
            var k = 0;
            while (k < term.Count && string.Equals(tokens[i + k], term[k], StringComparison.Ordinal)) k++;
            if (k == term.Count) count++;
        }
        return count;
    }
}
