using System.Globalization;

namespace MedGrpc.Core.Clinical.Phi;

/// <summary>A name and how common it is: its share of people in the 1990 US Census, in per cent.</summary>
public sealed record RankedName(string Name, double Percent);

/// <summary>
/// The 1990 US Census's commonest first names and surnames, ranked, with their frequencies (Lists/census-*.txt, made
/// by scripts/make-name-lists.sh from Debian's libtext-names-perl; public domain, see docs/sources-and-licences.md):
/// for what needs names in the order people have them (the PHI second pass's names grammar), where
/// <see cref="NameLists"/> only says whether a word is a name.
/// </summary>
public static class CensusNames
{
    /// <summary>First names, commonest first: 5,163 (male and female lists merged; a share of all people).</summary>
    public static readonly IReadOnlyList<RankedName> FirstNames = Load("census-first-names.txt");

    /// <summary>The 1,000 commonest surnames, commonest first.</summary>
    public static readonly IReadOnlyList<RankedName> Surnames = Load("census-surnames.txt");

    private static List<RankedName> Load(string file)
    {
        var assembly = typeof(CensusNames).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + file, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        var names = new List<RankedName>();
        while (reader.ReadLine() is { } line)
        {
            var fields = line.Split('\t');
            if (fields.Length == 2) names.Add(new RankedName(fields[0], double.Parse(fields[1], CultureInfo.InvariantCulture)));
        }
        return names;
    }
}
