using Microsoft.Extensions.Options;

namespace MedGrpc.Engines.PocketSphinx;

/// <summary>
/// The recogniser's own dictionary (the medical dictionary, or Debian's CMU dictionary without
/// the medical model), read once: a vocabulary word it knows is said as it lists it.
/// </summary>
public sealed class PronunciationDictionary(IOptions<PocketSphinxOptions> options)
{
    private readonly Lazy<Dictionary<string, List<string>>> _words = new(() => Load(options.Value.DictionaryPath));

    /// <summary>The word's pronunciations (ARPAbet, space separated), first listed first; empty when it is not in the dictionary.</summary>
    public IReadOnlyList<string> Lookup(string word) =>
        _words.Value.TryGetValue(word.ToLowerInvariant(), out var pronunciations) ? pronunciations : [];

    private static Dictionary<string, List<string>> Load(string path)
    {
        var words = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            var space = line.IndexOf(' ');
            if (space <= 0) continue;
            var word = line[..space];
            var paren = word.IndexOf('(');
            if (paren > 0) word = word[..paren]; // "word(2)": another pronunciation of word
            if (!words.TryGetValue(word, out var list)) words[word] = list = [];
            list.Add(line[(space + 1)..].Trim());
        }
        return words;
    }
}
