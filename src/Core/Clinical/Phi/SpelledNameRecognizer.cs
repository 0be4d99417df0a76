namespace MedGrpc.Core.Clinical.Phi;

/// <summary>
/// A name spelled out letter by letter ("my surname is baker, b a k e r"): three or more single letters
/// after a spelling cue ("spelled", "that's", "as in"…), or right after a word they spell (the same first
/// letter: recognisers often get a later letter wrong). Letters with no such cue are left alone: clinicians
/// say acronyms letter by letter ("c r p", "e c g").
/// </summary>
public sealed class SpelledNameRecognizer : IPhiRecognizer
{
    private static readonly string[][] Cues =
        [["spelled"], ["spelt"], ["spelling"], ["spelled", "as"], ["that's"], ["that", "is"], ["thats"], ["as", "in"], ["it's"], ["letters"]];

    public IEnumerable<PhiSpan> Find(PhiWords words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            var run = Letters(words, i);
            if (run < 3) continue;
            var cued = Enumerable.Range(1, 2).Any(n => words.MatchAny(i - n, Cues) == n)
                       || words[i - 1] is { Length: > 1 } spelled && spelled[0] == words[i]![0] && spelled.All(char.IsLetter);
            if (!cued) continue;
            yield return new PhiSpan(PhiCategories.Personal, "NAME", i, run, 0.9);
            i += run - 1;
        }
    }

    /// <summary>The number of words from index that are single letters (or "double" and a letter).</summary>
    private static int Letters(PhiWords words, int index)
    {
        var i = index;
        while (true)
        {
            if (IsLetter(words[i])) i++;
            else if (words.Is(i, "double") && i > index && IsLetter(words[i + 1])) i += 2;
            else return i - index;
        }
    }

    private static bool IsLetter(string? w) => w is { Length: 1 } && w[0] is >= 'a' and <= 'z';
}
