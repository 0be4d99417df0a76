namespace MedGrpc.Core.Vocabularies;

/// <summary>
/// The IPA phonemes of US English that a vocabulary's IPA column may use (AWS's en-US set, plus the
/// common spellings tʃ, dʒ, ɚ, ɜ, r, ɾ), each with its phone in the acoustic model's ARPAbet set.
/// Stress marks (ˈ ˌ) and the length mark (ː) are allowed and ignored.
/// </summary>
public static class IpaPhones
{
    private static readonly Dictionary<string, string> ToArpabet = new(StringComparer.Ordinal)
    {
        // vowels and diphthongs
        ["aɪ"] = "AY", ["aʊ"] = "AW", ["eɪ"] = "EY", ["oʊ"] = "OW", ["ɔɪ"] = "OY",
        ["i"] = "IY", ["u"] = "UW", ["æ"] = "AE", ["ɑ"] = "AA", ["ɔ"] = "AO", ["ə"] = "AH", ["ʌ"] = "AH",
        ["ɛ"] = "EH", ["ɪ"] = "IH", ["ʊ"] = "UH", ["ɝ"] = "ER", ["ɚ"] = "ER", ["ɜ"] = "ER",
        ["e"] = "EH", ["o"] = "OW", ["a"] = "AA", ["ɒ"] = "AA", ["ɐ"] = "AH", ["ᵻ"] = "IH",
        // consonants
        ["b"] = "B", ["d"] = "D", ["f"] = "F", ["g"] = "G", ["ɡ"] = "G", ["h"] = "HH", ["j"] = "Y", ["k"] = "K",
        ["l"] = "L", ["m"] = "M", ["n"] = "N", ["p"] = "P", ["s"] = "S", ["t"] = "T", ["v"] = "V", ["w"] = "W",
        ["z"] = "Z", ["ð"] = "DH", ["θ"] = "TH", ["ŋ"] = "NG", ["ʃ"] = "SH", ["ʒ"] = "ZH", ["ɹ"] = "R", ["r"] = "R",
        ["ɾ"] = "T", ["ʤ"] = "JH", ["dʒ"] = "JH", ["ʧ"] = "CH", ["tʃ"] = "CH",
    };

    private static readonly char[] Marks = ['ˈ', 'ˌ', 'ː'];

    /// <summary>All phonemes accepted, for error messages.</summary>
    public static string Listed => string.Join(' ', ToArpabet.Keys.Order(StringComparer.Ordinal));

    /// <summary>The ARPAbet phone of one IPA phoneme, stress and length marks aside; null when it is not one of the set.</summary>
    public static string? Phone(string phoneme)
    {
        var bare = new string(phoneme.Where(ch => Array.IndexOf(Marks, ch) < 0).ToArray());
        return ToArpabet.GetValueOrDefault(bare);
    }
}
