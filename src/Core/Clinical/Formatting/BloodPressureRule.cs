namespace MedGrpc.Core.Clinical.Formatting;

/// <summary>
/// "one twenty over eighty", "one hundred twenty over eighty" → 120/80. The systolic may be read as a
/// pair ("one twenty"); both values must be plausible pressures (systolic 50–300, diastolic 20–200).
/// </summary>
public sealed class BloodPressureRule : IFormatRule
{
    public RuleMatch? Match(SpokenWords words, int index)
    {
        foreach (var systolic in new[] { SpokenNumber.Cardinal(words, index), SpokenNumber.HundredsPair(words, index) })
        {
            if (systolic is not { Value: >= 50 and <= 300 } || !words.Is(index + systolic.Count, "over")) continue;
            var diastolic = SpokenNumber.Cardinal(words, index + systolic.Count + 1);
            if (diastolic is not { Value: >= 20 and <= 200 }) continue;
            return RuleMatch.One($"{systolic.Written}/{diastolic.Written}", systolic.Count + 1 + diastolic.Count);
        }
        return null;
    }
}
