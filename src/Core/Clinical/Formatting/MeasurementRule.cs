namespace MedGrpc.Core.Clinical.Formatting;

/// <summary>
/// A number followed by a unit: the number in digits whatever its size, the unit abbreviated
/// ("five milligrams" → "5 mg", "two point five milliliters" → "2.5 mL"). Two words, each with
/// its own times. Units without an abbreviation (days, weeks, years…) are left to the other rules:
/// "two weeks" stays words, as AWS writes small counts.
/// </summary>
public sealed class MeasurementRule : IFormatRule
{
    public RuleMatch? Match(SpokenWords words, int index)
    {
        var number = SpokenNumber.Quantity(words, index);
        if (number is null) return null;
        var unit = Units.At(words, index + number.Count);
        if (unit is null) return null;
        if (unit.Abbreviation is null)
            return unit.Spoken[0] == "degrees" ? new RuleMatch([new Piece(number.Written, number.Count)]) : null;
        return new RuleMatch([new Piece(number.Written, number.Count), new Piece(unit.Abbreviation, unit.Spoken.Length)]);
    }
}
