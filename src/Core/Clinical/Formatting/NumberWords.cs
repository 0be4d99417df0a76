namespace MedGrpc.Core.Clinical.Formatting;

/// <summary>The English number vocabulary: cardinals, scales, ordinals and digits as spoken.</summary>
public static class NumberWords
{
    public static readonly IReadOnlyDictionary<string, int> Units = new Dictionary<string, int>
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5,
        ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9,
    };

    public static readonly IReadOnlyDictionary<string, int> Teens = new Dictionary<string, int>
    {
        ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14,
        ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19,
    };

    public static readonly IReadOnlyDictionary<string, int> Tens = new Dictionary<string, int>
    {
        ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50,
        ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
    };

    public static readonly IReadOnlyDictionary<string, long> Scales = new Dictionary<string, long>
    {
        ["thousand"] = 1_000, ["million"] = 1_000_000, ["billion"] = 1_000_000_000,
    };

    public static readonly IReadOnlyDictionary<string, int> Ordinals = new Dictionary<string, int>
    {
        ["first"] = 1, ["second"] = 2, ["third"] = 3, ["fourth"] = 4, ["fifth"] = 5, ["sixth"] = 6,
        ["seventh"] = 7, ["eighth"] = 8, ["ninth"] = 9, ["tenth"] = 10, ["eleventh"] = 11, ["twelfth"] = 12,
        ["thirteenth"] = 13, ["fourteenth"] = 14, ["fifteenth"] = 15, ["sixteenth"] = 16, ["seventeenth"] = 17,
        ["eighteenth"] = 18, ["nineteenth"] = 19, ["twentieth"] = 20, ["thirtieth"] = 30, ["fortieth"] = 40,
        ["fiftieth"] = 50, ["sixtieth"] = 60, ["seventieth"] = 70, ["eightieth"] = 80, ["ninetieth"] = 90,
        ["hundredth"] = 100, ["thousandth"] = 1000,
    };

    /// <summary>A single digit as read out in a number string: zero, "oh" and one to nine.</summary>
    public static int? Digit(string? word) => word switch
    {
        null => null,
        "zero" or "oh" or "o" => 0,
        _ => Units.TryGetValue(word, out var d) ? d : null,
    };

    /// <summary>Any word that can be part of a spoken number.</summary>
    public static bool IsNumberWord(string? word) =>
        word is not null && (Units.ContainsKey(word) || Teens.ContainsKey(word) || Tens.ContainsKey(word)
                             || Scales.ContainsKey(word) || word is "hundred" or "zero" or "oh");

    /// <summary>1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st…</summary>
    public static string OrdinalSuffix(long value) =>
        (value % 100) is 11 or 12 or 13 ? "th" : (value % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
}
