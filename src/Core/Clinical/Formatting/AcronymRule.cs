namespace MedGrpc.Core.Clinical.Formatting;

/// <summary>
/// Letters spelled out become the acronym, written as AWS writes it: "c r p" → CRP, "t i a" → TIA.
/// Known clinical acronyms (the medical model's own list, models/medical/sources/acronyms.txt) are
/// matched longest first, so "i" and "a" join only inside one; any other run of two or more letters
/// without them ("g p") is joined too. Only a whole run of letters counts: inside a longer one
/// ("a b c" of a licence plate, an ID read out) no part of it is taken for an acronym.
/// </summary>
public sealed class AcronymRule : IFormatRule
{
    private static readonly IReadOnlySet<string> Known = LoadKnown();
    private static readonly int Longest = Known.Max(a => a.Length);

    public RuleMatch? Match(SpokenWords words, int index)
    {
        if (index > 0 && IsLetter(words[index - 1])) return null;
        var run = 0;
        while (run < Longest && IsLetter(words[index + run])) run++;
        if (run < 2) return null;
        var letters = string.Concat(Enumerable.Range(index, run).Select(k => words[k]));
        for (var length = run; length >= 2; length--)
            if (Known.Contains(letters[..length])) return RuleMatch.One(letters[..length].ToUpperInvariant(), length);
        var plain = 0;
        while (plain < run && letters[plain] is not ('a' or 'i')) plain++;
        return plain >= 2 ? RuleMatch.One(letters[..plain].ToUpperInvariant(), plain) : null;
    }

    private static bool IsLetter(string? word) => word is { Length: 1 } && word[0] is >= 'a' and <= 'z';

    private static HashSet<string> LoadKnown()
    {
        var assembly = typeof(AcronymRule).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith(".acronyms.txt", StringComparison.Ordinal));
        using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
        var known = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var acronym = line.Trim().ToLowerInvariant();
            // Only acronyms said purely as letters; "HbA1c" has a number in it.
            if (acronym.Length >= 2 && !acronym.StartsWith('#') && acronym.All(char.IsAsciiLetterLower)) known.Add(acronym);
        }
        return known;
    }
}
