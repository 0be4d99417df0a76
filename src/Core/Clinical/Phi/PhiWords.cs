using MedGrpc.Core.Clinical.Formatting;

namespace MedGrpc.Core.Clinical.Phi;

/// <summary>The words the recognizers read (lower-cased, so that a vocabulary's DisplayAs still reads as words) and helpers they share.</summary>
public sealed class PhiWords
{
    private readonly string[] _words;

    public PhiWords(IReadOnlyList<string> words)
    {
        _words = words.Select(w => w.ToLowerInvariant()).ToArray();
        Spoken = new SpokenWords(_words);
    }

    public int Count => _words.Length;

    /// <summary>The words as the number parser reads them.</summary>
    public SpokenWords Spoken { get; }

    public string? this[int index] => index >= 0 && index < _words.Length ? _words[index] : null;

    public bool Is(int index, params string[] any) => this[index] is { } w && any.Contains(w);

    /// <summary>The length of the phrase (one of several, longest first) that starts at index, or 0.</summary>
    public int MatchAny(int index, IEnumerable<string[]> phrases)
    {
        foreach (var phrase in phrases.OrderByDescending(p => p.Length))
            if (phrase.Select((w, k) => this[index + k] == w).All(x => x)) return phrase.Length;
        return 0;
    }

    /// <summary>A run of words that read out digits or letters (an ID, a phone number): digits, "oh", "double", small cardinals, "dash", single letters when allowed.</summary>
    public (int Count, int Digits) DigitRun(int index, bool letters)
    {
        int i = index, digits = 0;
        while (this[i] is { } w)
        {
            if (NumberWords.Digit(w) is not null) digits++;
            // A recogniser writes a digit as its homophone ("for", "to") as often as not; taken only before another digit.
            else if (DigitHomophones.Contains(w) && NumberWords.Digit(this[i + 1]) is not null) digits++;
            else if (NumberWords.Teens.ContainsKey(w) || NumberWords.Tens.ContainsKey(w)) digits += 2;
            else if (w == "hundred") digits += 2;
            else if (w is "double" or "triple" && NumberWords.Digit(this[i + 1]) is not null) digits += w == "double" ? 1 : 2;
            else if (w is "dash" or "hyphen" && i > index && NumberWords.IsNumberWord(this[i + 1])) { }
            else if (letters && IsLetter(w) && (w is not "a" and not "i" || IsIdWord(this[i + 1]) || i > index && IsIdWord(this[i - 1]))) digits++;
            else break;
            i++;
        }
        while (i > index && this[i - 1] is "dash" or "hyphen" or "double" or "triple") i--;
        return (i - index, digits);
    }

    private static readonly HashSet<string> DigitHomophones = ["for", "to", "too", "won", "ate"];

    private static bool IsLetter(string w) => w.Length == 1 && w[0] is >= 'a' and <= 'z' || w.Length == 2 && w[1] == '.';

    private static bool IsIdWord(string? w) => w is not null && (NumberWords.Digit(w) is not null || IsLetter(w) && w is not "a" and not "i");

    /// <summary>Function words: never part of a name, an address's street name or an email's user.</summary>
    public static readonly HashSet<string> Stop =
    [
        "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by", "from", "is", "was", "are",
        "were", "be", "been", "has", "have", "had", "do", "does", "did", "will", "would", "can", "could", "should", "may",
        "might", "must", "shall", "i", "you", "he", "she", "it", "we", "they", "me", "him", "her", "us", "them", "my", "your",
        "his", "its", "our", "their", "this", "that", "these", "those", "there", "here", "who", "what", "when", "where", "why",
        "how", "which", "not", "no", "yes", "so", "if", "then", "than", "also", "just", "very", "about", "please", "thank",
        "thanks", "okay", "ok", "um", "uh", "well", "now", "today", "yesterday", "tomorrow", "said", "says", "say", "see",
        "seen", "saw", "called", "call", "is", "as", "up", "out", "down", "over", "into", "after", "before", "again", "all",
        "any", "some", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "patient", "doctor",
        "nurse", "phone", "number", "email", "address", "lives", "live", "living", "born", "date", "years", "year", "old",
        "age", "aged", "street", "avenue", "road", "hospital", "clinic", "center", "centre", "medical", "record", "account",
        "social", "security", "dot", "com", "www", "slash", "zip", "code", "fax", "license", "licence", "plate", "mister",
        "missus", "miss", "mrs", "mr", "ms", "dr", "today's", "name", "named", "and", "reports", "presents", "complains",
        "denies", "states", "came", "comes", "went", "go", "going", "get", "got", "taking", "takes", "take", "started",
        "since", "last", "next", "week", "weeks", "month", "months", "day", "days", "morning", "evening", "night",
    ];
}
