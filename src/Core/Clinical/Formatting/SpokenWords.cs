namespace MedGrpc.Core.Clinical.Formatting;

/// <summary>
/// A window on the engine's words for the rules. Only plain spoken words (lower-case letters and
/// apostrophes) take part in a rule: a word another stage already wrote (a vocabulary's DisplayAs,
/// with capitals, spaces or digits) reads as null here and so is never changed nor merged.
/// </summary>
public sealed class SpokenWords(IReadOnlyList<string> texts)
{
    public int Count => texts.Count;

    /// <summary>The spoken word at index, or null past the end or for a word that is not plain spoken text.</summary>
    public string? this[int index] => index >= 0 && index < texts.Count && IsSpoken(texts[index]) ? texts[index] : null;

    public bool Is(int index, string word) => this[index] == word;

    /// <summary>True when the words from index on are exactly the phrase's words.</summary>
    public bool Matches(int index, IReadOnlyList<string> phrase)
    {
        for (var k = 0; k < phrase.Count; k++)
            if (this[index + k] != phrase[k]) return false;
        return true;
    }

    public static bool IsSpoken(string text) =>
        text.Length > 0 && text.All(c => c is >= 'a' and <= 'z' or '\'');
}
