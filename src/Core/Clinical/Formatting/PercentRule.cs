namespace MedGrpc.Core.Clinical.Formatting;

/// <summary>"fifty percent" → 50%, "two point five percent" → 2.5%, "five percent" → 5% (any value).</summary>
public sealed class PercentRule : IFormatRule
{
    public RuleMatch? Match(SpokenWords words, int index)
    {
        var number = SpokenNumber.Quantity(words, index);
        if (number is null || !words.Is(index + number.Count, "percent")) return null;
        return RuleMatch.One($"{number.Written}%", number.Count + 1);
    }
}
