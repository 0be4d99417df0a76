namespace MedGrpc.Core.Clinical.Formatting;

/// <summary>A score read as "seven out of ten" → 7/10 (both numbers whole, the first at most the second).</summary>
public sealed class OutOfRule : IFormatRule
{
    public RuleMatch? Match(SpokenWords words, int index)
    {
        var score = SpokenNumber.Cardinal(words, index);
        if (score is null || !words.Is(index + score.Count, "out") || !words.Is(index + score.Count + 1, "of")) return null;
        var scale = SpokenNumber.Cardinal(words, index + score.Count + 2);
        if (scale is null || scale.Value < score.Value || scale.Value == 0) return null;
        return RuleMatch.One($"{score.Written}/{scale.Written}", score.Count + 2 + scale.Count);
    }
}
