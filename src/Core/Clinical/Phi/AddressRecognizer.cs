using MedGrpc.Core.Clinical.Formatting;

namespace MedGrpc.Core.Clinical.Phi;

/// <summary>
/// Street addresses: a house number, one to three name words, a street type ("twelve oak street",
/// "four fifty five maple avenue"), then optionally "apartment"/"suite"/"unit" and a number. Also a
/// medical centre or practice: one to three name words before "hospital", "medical center", "clinic"…
/// </summary>
public sealed class AddressRecognizer : IPhiRecognizer
{
    private static readonly HashSet<string> StreetTypes =
        ["street", "avenue", "road", "lane", "drive", "boulevard", "court", "way", "place", "circle", "terrace", "parkway", "highway", "square", "trail", "crescent", "close", "row"];

    private static readonly string[][] Facilities =
        [["medical", "center"], ["medical", "centre"], ["health", "center"], ["health", "centre"], ["hospital"], ["clinic"], ["infirmary"], ["family", "practice"], ["medical", "group"]];

    private static readonly HashSet<string> Generic =
        ["local", "nearest", "nearby", "psychiatric", "private", "community", "teaching", "day", "walk", "in", "general", "big", "same", "other", "new", "different", "another", "eye", "pain", "urgent", "care", "dental", "mental"];

    public IEnumerable<PhiSpan> Find(PhiWords words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (Street(words, i) is { } street)
            {
                yield return street;
                i = street.End - 1;
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
        // The house number: a cardinal ("twelve", "one hundred five"), digits ("four five five") or pairs ("four fifty five").
        var candidates = new List<int>();
        if (SpokenNumber.Cardinal(words.Spoken, index) is { } cardinal) candidates.Add(cardinal.Count);
        var (run, _) = words.DigitRun(index, letters: false);
        if (run > 0) candidates.Add(run);
        foreach (var number in candidates.Distinct().OrderByDescending(n => n))
        {
            var at = index + number;
            var name = 0;
            while (name < 3 && words[at + name] is { } w && !StreetTypes.Contains(w) && !PhiWords.Stop.Contains(w) && !NumberWords.IsNumberWord(w)) name++;
            if (name == 0 || words[at + name] is not { } type || !StreetTypes.Contains(type)) continue;
            var end = at + name + 1;
            if (words.Is(end, "apartment", "apt", "suite", "unit", "number") && words.DigitRun(end + 1, letters: true) is { Count: > 0 } unit) end += 1 + unit.Count;
            return new PhiSpan(PhiCategories.Geographic, "ADDRESS", index, end - index, 0.9);
        }
        return null;
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
