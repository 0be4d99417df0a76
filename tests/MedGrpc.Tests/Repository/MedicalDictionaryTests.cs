namespace MedGrpc.Tests.Repository;

/// <summary>
/// Every word the medical language model was built from has a pronunciation: a word of the model without a
/// dictionary entry can never be recognised, and pronounce.py writes an entry only when CMU's dictionary, flite's
/// t2p or espeak-ng gives phones, so a new list word both converters fail on would be lost in silence.
/// </summary>
public sealed class MedicalDictionaryTests
{
    [Fact]
    public void Every_word_of_the_medical_text_has_a_pronunciation()
    {
        var build = Path.Combine(Root(), "models", "medical", "build");
        var pronounced = File.ReadLines(Path.Combine(build, "medical.dict"))
            .Select(line => line.Split(' ', 2)[0])
            .Select(entry => entry.EndsWith(')') && entry.LastIndexOf('(') is > 0 and var open ? entry[..open] : entry)
            .ToHashSet(StringComparer.Ordinal);
        var words = File.ReadLines(Path.Combine(build, "corpus.txt"))
            .SelectMany(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(words);
        Assert.Empty(words.Where(word => !pronounced.Contains(word)).Order(StringComparer.Ordinal));
    }

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "MedGrpc.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("MedGrpc.sln not found above " + AppContext.BaseDirectory);
    }
}
