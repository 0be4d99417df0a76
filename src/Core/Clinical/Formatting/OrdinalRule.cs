namespace MedGrpc.Core.Clinical.Formatting;

/// <summary>Ordinals above tenth as digits ("twenty first" → 21st); first to tenth stay words, as cardinals do.</summary>
public sealed class OrdinalRule : IFormatRule
{
    public RuleMatch? Match(SpokenWords words, int index) =>
        SpokenNumber.Ordinal(words, index) is { Value: > 10 } number ? RuleMatch.One(number.Written, number.Count) : null;
}
