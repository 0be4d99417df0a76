namespace MedGrpc.Scoring;

/// <summary>Numbers spelled out the way the references are written: US style, no "and" (380 → three hundred eighty).</summary>
public static class NumberWords
{
    private static readonly string[] Ones =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ];

    private static readonly string[] Tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    private static readonly (long Value, string Name)[] Scales =
        [(1_000_000_000_000, "trillion"), (1_000_000_000, "billion"), (1_000_000, "million"), (1000, "thousand"), (100, "hundred")];

    private static readonly Dictionary<string, string> IrregularOrdinals = new()
    {
        ["one"] = "first", ["two"] = "second", ["three"] = "third", ["five"] = "fifth",
        ["eight"] = "eighth", ["nine"] = "ninth", ["twelve"] = "twelfth",
    };

    /// <summary>Every word a spelled-out number can contain (the "hundred and eighty" rule looks at these).</summary>
    public static readonly IReadOnlySet<string> All =
        new HashSet<string>([.. Ones, .. Tens[2..], "hundred", "thousand", "million", "billion", "trillion"]);

    public static string Digit(int digit) => Ones[digit];

    public static string Cardinal(long n)
    {
        if (n < 20) return Ones[n];
        if (n < 100) return Tens[n / 10] + (n % 10 == 0 ? "" : " " + Ones[n % 10]);
        foreach (var (value, name) in Scales)
            if (n >= value)
                return Cardinal(n / value) + " " + name + (n % value == 0 ? "" : " " + Cardinal(n % value));
        throw new ArgumentOutOfRangeException(nameof(n));
    }

    /// <summary>
    /// A run of digits in words. Leading zeros ("007") and runs longer than 15 digits are read digit by digit.
    /// Any Unicode decimal digit counts, as in the original scorer's \d.
    /// </summary>
    public static string FromDigits(string digits)
    {
        var values = digits.Select(c => (int)char.GetNumericValue(c)).ToArray();
        if ((values.Length > 1 && values[0] == 0) || values.Length > 15)
            return string.Join(' ', values.Select(Digit));
        return Cardinal(values.Aggregate(0L, (n, d) => n * 10 + d));
    }

    /// <summary>Last word made ordinal: "twenty one" → "twenty first", "forty" → "fortieth".</summary>
    public static string Ordinal(string words) => ReplaceLast(words, last =>
        IrregularOrdinals.TryGetValue(last, out var irregular) ? irregular
        : last.EndsWith('y') ? last[..^1] + "ieth"
        : last + "th");

    /// <summary>Last word made plural, for decades: "sixty" → "sixties".</summary>
    public static string Plural(string words) => ReplaceLast(words, last => last.EndsWith('y') ? last[..^1] + "ies" : last + "s");

    private static string ReplaceLast(string words, Func<string, string> change)
    {
        var parts = words.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        parts[^1] = change(parts[^1]);
        return string.Join(' ', parts);
    }
}
