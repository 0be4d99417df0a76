namespace MedGrpc.Core.Clinical.Formatting;

/// <summary>Whole numbers above ten as digits ("forty two" → 42, "a hundred" → 100); ten and below stay words.</summary>
public sealed class CardinalRule : IFormatRule
{
    public RuleMatch? Match(SpokenWords words, int index) =>
        SpokenNumber.Cardinal(words, index) is { Value: > 10 } number ? RuleMatch.One(number.Written, number.Count) : null;
}
