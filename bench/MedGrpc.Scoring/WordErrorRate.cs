namespace MedGrpc.Scoring;

/// <summary>Substitutions, deletions and insertions that turn the reference into the hypothesis.</summary>
public readonly record struct EditCounts(int Substitutions, int Deletions, int Insertions)
{
    public int Errors => Substitutions + Deletions + Insertions;
}

/// <summary>Word-level Levenshtein alignment: WER = (S + D + I) / N.</summary>
public static class WordErrorRate
{
    /// <summary>
    /// The minimum edit cost, split into S, D and I with the original scorer's tie-break (a match or substitution
    /// first, then a deletion, then an insertion, each only if strictly cheaper), so the split is the same as before.
    /// </summary>
    public static EditCounts Align(IReadOnlyList<string> reference, IReadOnlyList<string> hypothesis)
    {
        var m = hypothesis.Count;
        var previous = new Cell[m + 1];
        var current = new Cell[m + 1];
        for (var j = 0; j <= m; j++) previous[j] = new Cell(j, 0, 0, j);
        for (var i = 1; i <= reference.Count; i++)
        {
            current[0] = new Cell(i, 0, i, 0);
            var word = reference[i - 1];
            for (var j = 1; j <= m; j++)
            {
                var diagonal = previous[j - 1];
                var best = string.Equals(word, hypothesis[j - 1], StringComparison.Ordinal)
                    ? diagonal
                    : diagonal with { Cost = diagonal.Cost + 1, S = diagonal.S + 1 };
                var up = previous[j];
                if (up.Cost + 1 < best.Cost) best = up with { Cost = up.Cost + 1, D = up.D + 1 };
                var left = current[j - 1];
                if (left.Cost + 1 < best.Cost) best = left with { Cost = left.Cost + 1, I = left.I + 1 };
                current[j] = best;
            }
            (previous, current) = (current, previous);
        }
        var last = previous[m];
        return new EditCounts(last.S, last.D, last.I);
    }

    /// <summary>(S + D + I) / N, or null for an empty reference.</summary>
    public static double? Rate(IReadOnlyList<string> reference, IReadOnlyList<string> hypothesis) =>
        reference.Count == 0 ? null : (double)Align(reference, hypothesis).Errors / reference.Count;

    private readonly record struct Cell(int Cost, int S, int D, int I);
}
