using System.Text.RegularExpressions;

namespace MedGrpc.Tests.Repository;

/// <summary>
/// Every word list in models/medical/sources reaches the medical model: term_sentences.py reads only the lists its
/// PATTERNS table names, so a list added without carrier sentences would be built past in silence.
/// </summary>
public sealed partial class MedicalWordListsTests
{
    [Fact]
    public void Every_list_has_carrier_sentences()
    {
        var root = Root();
        var script = File.ReadAllText(Path.Combine(root, "scripts", "medical-model", "term_sentences.py"));
        var named = PatternName().Matches(script).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var lists = Directory.GetFiles(Path.Combine(root, "models", "medical", "sources"), "*.txt").Select(Path.GetFileNameWithoutExtension).ToList();

        Assert.NotEmpty(lists);
        Assert.All(lists, list => Assert.Contains(list!, named));
    }

    // The keys of PATTERNS: a quoted name at the start of a line, followed by ": [".
    [GeneratedRegex("""^\s*"([a-z-]+)": \[""", RegexOptions.Multiline)]
    private static partial Regex PatternName();

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "MedGrpc.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("MedGrpc.sln not found above " + AppContext.BaseDirectory);
    }
}
