namespace MedGrpc.Core.Clinical.Formatting;

/// <summary>"two point five" → 2.5, "thirty eight point five" → 38.5.</summary>
public sealed class DecimalRule : IFormatRule
{
    public RuleMatch? Match(SpokenWords words, int index) =>
        SpokenNumber.Decimal(words, index) is { } number ? RuleMatch.One(number.Written, number.Count) : null;
}
