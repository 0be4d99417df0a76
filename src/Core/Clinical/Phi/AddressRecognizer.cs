using MedGrpc.Core.Clinical.Formatting;

namespace MedGrpc.Core.Clinical.Phi;

/// <summary>
/// Street addresses: a house number, one to three name words, a street type ("twelve oak street",
/// "four fifty five maple avenue"), then optionally "apartment"/"suite"/"unit" and a number. Also a
/// medical centre or practice: one to three name words before "hospital", "medical center", "clinic"…
/// </summary>
public sealed class AddressRecognizer : IPhiRecognizer
{
    /// <summary>The words that end a street's name, American and British (the PHI second pass's address grammar reads these too).</summary>
    public static readonly IReadOnlySet<string> StreetTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "street", "avenue", "road", "lane", "drive", "boulevard", "court", "way", "place", "circle", "terrace", "parkway", "highway", "square", "trail", "crescent", "close", "row",
        "gardens", "grove", "mews",
    };

    /// <summary>
    /// What is said just before a home address: after it, a house number and a name are an address even when the street
    /// type is misheard (the PHI second pass re-reads what follows these too).
    /// </summary>
    public static readonly IReadOnlyList<string[]> AddressCues =
        [["live", "at"], ["lives", "at"], ["living", "at"], ["lived", "at"], ["address", "is"], ["address", "was"], ["my", "address"], ["home", "address"], ["resides", "at"],
         ["staying", "at"], ["moved", "to"], ["moving", "to"]];

    /// <summary>
    /// Words after a number that make it a count, a dose or a hospital ward, not a house number ("moved to two tablets a
    /// day", "moved to four west"); a typed street ("twelve west street") is still an address.
    /// </summary>
    private static readonly HashSet<string> CountedThings =
        ["tablet", "tablets", "pill", "pills", "capsule", "capsules", "times", "dose", "doses", "puffs", "puff", "drops", "meals", "hours", "minutes", "units", "percent", "per",
         "point", "milligrams", "micrograms", "millilitres", "milliliters", "grams", "mg", "ml", "kilos", "pounds", "stone", "floor", "weekly", "daily",
         "north", "south", "east", "west", "ward", "bed", "bay", "wing"];

    private static readonly string[] Dwellings = ["flat", "apartment", "apt", "unit", "suite"];

    /// <summary>Street types a recogniser writes run together with the name ("mainstreet"); short ones ("way", "row") end too many other words.</summary>
    private static readonly string[] CompoundTypes = ["street", "avenue", "road", "lane", "drive", "boulevard", "terrace", "crescent", "gardens"];

    private static bool IsCompoundStreet(string? word) => word is not null && CompoundTypes.Any(t => word.Length >= t.Length + 3 && word.EndsWith(t, StringComparison.Ordinal));

    private static readonly string[][] Facilities =
        [["medical", "center"], ["medical", "centre"], ["health", "center"], ["health", "centre"], ["hospital"], ["clinic"], ["infirmary"], ["family", "practice"], ["medical", "group"]];

    private static readonly HashSet<string> Generic =
        ["local", "nearest", "nearby", "psychiatric", "private", "community", "teaching", "day", "walk", "in", "general", "big", "same", "other", "new", "different", "another", "eye", "pain", "urgent", "care", "dental", "mental"];

    public IEnumerable<PhiSpan> Find(PhiWords words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if ((Street(words, i) ?? CuedStreet(words, i)) is { } street)
            {
                yield return street;
                i = street.End - 1;
                if (PostCodeAfter(words, street.End) is { } code)
                {
                    yield return code;
                    i = code.End - 1;
                }
                continue;
            }
            if (Facility(words, i) is { } facility)
            {
                yield return facility;
                i = facility.End - 1;
            }
        }
    }

    private static PhiSpan? Street(PhiWords words, int index)
    {
        // A flat or apartment said first ("flat two, twelve oak street") belongs to the address.
        if (words.Is(index, Dwellings))
            foreach (var flat in HouseNumber(words, index + 1))
                if (Street(words, index + 1 + flat) is { } after)
                    return after with { First = index, Count = after.End - index };
        var cued = AddressCues.Any(c => words.MatchAny(index - c.Length, [c]) == c.Length);
        foreach (var number in HouseNumber(words, index))
        {
            var at = index + number;
            var name = 0;
            while (name < 3 && words[at + name] is { } w && !StreetTypes.Contains(w) && !PhiWords.Stop.Contains(w) && !NumberWords.IsNumberWord(w)) name++;
            if (name == 0) continue;
            var typed = words[at + name] is { } type && StreetTypes.Contains(type);
            if (typed || IsCompoundStreet(words[at + name - 1]))
            {
                var end = at + name + (typed ? 1 : 0);
                if (words.Is(end, "apartment", "apt", "suite", "unit", "number", "flat") && words.DigitRun(end + 1, letters: true) is { Count: > 0 } unit) end += 1 + unit.Count;
                return new PhiSpan(PhiCategories.Geographic, "ADDRESS", index, end - index, 0.9);
            }
            // Right after "lives at" or "my address is" a number and a name are the address: the recogniser often mishears the street type.
            if (cued && !CountedThings.Contains(words[at]!) && Units.At(words.Spoken, at) is null) return new PhiSpan(PhiCategories.Geographic, "ADDRESS", index, number + name, 0.85);
        }
        return null;
    }

    /// <summary>
    /// Right after an address cue, a street named and typed within a few words is the address even when the house
    /// number before it was misheard ("her address is a d h river road"). The word before the street type must be a
    /// name ("the end of the road" is not an address).
    /// </summary>
    private static PhiSpan? CuedStreet(PhiWords words, int index)
    {
        if (!AddressCues.Any(c => words.MatchAny(index - c.Length, [c]) == c.Length)) return null;
        for (var k = index + 1; k < index + 5 && words[k] is { } w; k++)
        {
            if (!StreetTypes.Contains(w)) continue;
            if (words[k - 1] is not { } name || PhiWords.Stop.Contains(name) || NumberWords.IsNumberWord(name) || StreetTypes.Contains(name)) return null;
            var end = k + 1;
            if (words.Is(end, "apartment", "apt", "suite", "unit", "number", "flat") && words.DigitRun(end + 1, letters: true) is { Count: > 0 } unit) end += 1 + unit.Count;
            return new PhiSpan(PhiCategories.Geographic, "ADDRESS", index, end - index, 0.8);
        }
        return null;
    }

    /// <summary>Words a town, a state or a misheard "zip code" may take between a street and its code.</summary>
    private const int MaxWordsBeforeCode = 3;

    /// <summary>
    /// The zip or post code that ends an address, even when its cue was misheard or never said ("three hundred main
    /// street springfield six zero six one one"): within a few words after the street, five or nine digits (a US zip
    /// code) or five to seven letters and digits that start with a letter and hold both (a UK postcode, "s w one a two a a").
    /// A number with a unit or other words after it is not a code; digits this many in a row rarely follow a street otherwise.
    /// </summary>
    private static PhiSpan? PostCodeAfter(PhiWords words, int end)
    {
        for (var at = end; at <= end + MaxWordsBeforeCode && words[at] is { } w; at++)
        {
            if (NumberWords.IsNumberWord(w) || w.Length == 1)
            {
                if (words.DigitRun(at, letters: false) is { Count: > 0 } zip && zip.Count == zip.Digits && zip.Digits is 5 or 9)
                    return new PhiSpan(PhiCategories.Geographic, "ZIP_CODE", at, zip.Count, 0.85);
                if (words.DigitRun(at, letters: true) is { Count: >= 5 and <= 7 } post && IsPostcode(words, at, post.Count))
                    return new PhiSpan(PhiCategories.Geographic, "ZIP_CODE", at, post.Count, 0.85);
                return null;
            }
        }
        return null;
    }

    private static bool IsPostcode(PhiWords words, int at, int count)
    {
        var digits = Enumerable.Range(at, count).Count(k => NumberWords.Digit(words[k]) is not null);
        return NumberWords.Digit(words[at]) is null && words[at]!.Length == 1 && digits >= 2 && count - digits >= 2;
    }

    /// <summary>The lengths a house number can have at index, longest first: a cardinal ("twelve", "one hundred five"), digits ("four five five") or pairs ("four fifty five").</summary>
    private static IEnumerable<int> HouseNumber(PhiWords words, int index)
    {
        var candidates = new List<int>();
        if (SpokenNumber.Cardinal(words.Spoken, index) is { } cardinal) candidates.Add(cardinal.Count);
        var (run, _) = words.DigitRun(index, letters: false);
        if (run > 0) candidates.Add(run);
        return candidates.Distinct().OrderByDescending(n => n);
    }

    private static PhiSpan? Facility(PhiWords words, int index)
    {
        var name = 0;
        while (name < 3 && words[index + name] is { } w && !PhiWords.Stop.Contains(w) && !Generic.Contains(w) && !NumberWords.IsNumberWord(w)
               && words.MatchAny(index + name, Facilities) == 0)
            name++;
        if (name == 0) return null;
        // Only the longest name: the word before must not itself be a name word.
        if (words[index - 1] is { } before && !PhiWords.Stop.Contains(before) && !Generic.Contains(before) && !NumberWords.IsNumberWord(before)) return null;
        var facility = words.MatchAny(index + name, Facilities);
        return facility == 0 ? null : new PhiSpan(PhiCategories.Geographic, "MEDICAL_CENTER", index, name + facility, 0.8);
    }
}
