namespace MedGrpc.Core.Clinical.Formatting;

/// <summary>
/// Units written after a number, longest spoken form first. Abbreviation null: the unit keeps its
/// word, but the number before it is still written in digits ("5 degrees").
/// </summary>
public static class Units
{
    public sealed record Unit(string[] Spoken, string? Abbreviation);

    public static readonly IReadOnlyList<Unit> All = Build(
    [
        ("millimeters of mercury", "mmHg"), ("millimetres of mercury", "mmHg"),
        ("beats per minute", "bpm"), ("beats a minute", "bpm"),
        ("milligrams", "mg"), ("milligram", "mg"),
        ("micrograms", "mcg"), ("microgram", "mcg"),
        ("milliliters", "mL"), ("milliliter", "mL"), ("millilitres", "mL"), ("millilitre", "mL"),
        ("kilograms", "kg"), ("kilogram", "kg"), ("kilos", "kg"),
        ("grams", "g"), ("gram", "g"),
        ("centimeters", "cm"), ("centimeter", "cm"), ("centimetres", "cm"), ("centimetre", "cm"),
        ("millimeters", "mm"), ("millimeter", "mm"), ("millimetres", "mm"), ("millimetre", "mm"),
        ("liters", "L"), ("liter", "L"), ("litres", "L"), ("litre", "L"),
        ("milliequivalents", "mEq"),
        ("degrees", null), ("units", null), ("unit", null), ("tablets", null), ("tablet", null),
        ("capsules", null), ("puffs", null), ("drops", null), ("hours", null), ("minutes", null),
        ("weeks", null), ("days", null), ("months", null), ("years", null), ("pounds", null),
    ]);

    /// <summary>The unit spoken at index, longest first, or null.</summary>
    public static Unit? At(SpokenWords words, int index) => All.FirstOrDefault(u => words.Matches(index, u.Spoken));

    private static List<Unit> Build((string Spoken, string? Abbreviation)[] units) =>
        units.Select(u => new Unit(u.Spoken.Split(' '), u.Abbreviation)).OrderByDescending(u => u.Spoken.Length).ToList();
}
