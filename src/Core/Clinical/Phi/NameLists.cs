namespace MedGrpc.Core.Clinical.Phi;

/// <summary>
/// First names, surnames and the names that are also ordinary English words, from the embedded lists
/// (Lists/*.txt, made by scripts/make-name-lists.sh; sources and licences in docs/sources-and-licences.md).
/// </summary>
public static class NameLists
{
    public static readonly IReadOnlySet<string> FirstNames = Load("first-names.txt");
    public static readonly IReadOnlySet<string> Surnames = Load("surnames.txt");
    /// <summary>Names that are also ordinary words ("will", "grace", "brown"): names only after a cue.</summary>
    public static readonly IReadOnlySet<string> CommonWords = Load("common-words.txt");
    /// <summary>Names common as first names although they are words too, taken as names without a cue.</summary>
    private static readonly HashSet<string> CommonFirstNames = ["john", "jack", "frank", "jean", "harry", "jerry", "bob", "don", "sue", "pat"];

    public static bool IsName(string? word) => word is not null && (FirstNames.Contains(word) || Surnames.Contains(word));

    /// <summary>A name that cannot be an ordinary word: a name even without a cue when a surname follows.</summary>
    public static bool IsClearFirstName(string? word) =>
        word is not null && IsName(word) && !PhiWords.Stop.Contains(word) && (!CommonWords.Contains(word) || CommonFirstNames.Contains(word));

    private static HashSet<string> Load(string file)
    {
        var assembly = typeof(NameLists).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + file, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0) set.Add(line);
        return set;
    }
}
