using MedGrpc.Core.Clinical.Formatting;

namespace MedGrpc.Core.Clinical.Phi;

/// <summary>
/// People's names, three ways: after an introduction ("my name is", "named", "patient's name is") the
/// next one to three words that are not function words; after a title or a relation ("doctor",
/// "mister", "this is", "my wife") the next words that are in the name lists; and with no cue, a
/// first name that is not an ordinary word followed by a surname ("sarah connor"). The title is not
/// part of the name.
/// </summary>
public sealed class NameRecognizer : IPhiRecognizer
{
    /// <summary>What introduces a name ("my name is", "named", "surname is"): the next one to three non-function words are it.</summary>
    public static readonly IReadOnlyList<string[]> Introductions =
    [
        ["my", "name", "is"], ["name", "is"], ["named"], ["patient's", "name", "is"], ["patient", "name", "is"], ["name", "of", "the", "patient", "is"],
        ["my", "name's"], ["name's"], ["goes", "by"], ["called"], ["surname", "is"], ["surname's"], ["surname"],
    ];

    /// <summary>Titles ("doctor", "mister", "mrs"…): the next word is a name.</summary>
    public static readonly IReadOnlyList<string[]> Titles =
    [
        ["doctor"], ["dr"], ["mister"], ["mr"], ["missus"], ["mrs"], ["ms"], ["professor"],
    ];

    /// <summary>Weaker cues: only a name that is not also an ordinary word ("this is grace" is not taken, "this is sarah" is).</summary>
    private static readonly string[][] Relations =
    [
        ["this", "is"], ["nurse"], ["miss"], ["i'm"], ["i", "am"], ["my", "wife"], ["my", "husband"], ["my", "son"], ["my", "daughter"], ["my", "mother"], ["my", "father"], ["my", "sister"], ["my", "brother"],
        ["his", "wife"], ["her", "husband"], ["seen", "by"], ["referred", "by"], ["spoke", "with"], ["speaking", "with"], ["patient"], ["mom"], ["dad"], ["call"], ["ask", "for"],
    ];

    public IEnumerable<PhiSpan> Find(PhiWords words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            var span = AfterIntroduction(words, i) ?? AfterTitle(words, i) ?? AfterCue(words, i, Relations, strict: true) ?? FullName(words, i);
            if (span is null) continue;
            yield return span;
            i = span.End - 1;
        }
    }

    private static PhiSpan? AfterIntroduction(PhiWords words, int index)
    {
        var cue = words.MatchAny(index, Introductions);
        if (cue == 0) return null;
        var at = index + cue;
        var count = 0;
        while (count < 3 && IsNameWord(words[at + count], strict: count > 0 && !NameLists.IsName(words[at + count]))) count++;
        return count == 0 ? null : new PhiSpan(PhiCategories.Personal, "NAME", at, count, 0.9);
    }

    /// <summary>After a title the first word is a name even when no list has it ("doctor patel"), unless it is a word a title is often followed by.</summary>
    private static PhiSpan? AfterTitle(PhiWords words, int index)
    {
        var cue = words.MatchAny(index, Titles);
        if (cue == 0) return null;
        var at = index + cue;
        if (!IsNameWord(words[at], strict: false) || NotNamesAfterTitle.Contains(words[at]!)) return null;
        var count = 1;
        while (count < 3 && NameLists.IsName(words[at + count]) && IsNameWord(words[at + count], strict: true)) count++;
        return new PhiSpan(PhiCategories.Personal, "NAME", at, count, 0.85);
    }

    private static readonly HashSet<string> NotNamesAfterTitle =
    [
        "appointment", "appointments", "visit", "visits", "office", "offices", "said", "says", "told", "thinks", "thought", "wants", "asked", "advised",
        "recommended", "prescribed", "ordered", "gave", "checked", "examined", "note", "notes", "letter", "surgery", "practice", "clinic", "team",
        "shopping", "who", "because", "first", "right", "again", "yet", "soon", "today", "tomorrow", "before", "after", "last", "next", "about", "if",
        "on", "ordered", "reviewed", "saw", "explained", "agreed", "feels", "felt", "stated", "reported", "noted", "found", "has", "had", "is", "was",
    ];

    private static PhiSpan? AfterCue(PhiWords words, int index, string[][] cues, bool strict)
    {
        var cue = words.MatchAny(index, cues);
        if (cue == 0) return null;
        var at = index + cue;
        var count = 0;
        while (count < 3 && NameLists.IsName(words[at + count]) && IsNameWord(words[at + count], strict: strict || count > 0)) count++;
        return count == 0 ? null : new PhiSpan(PhiCategories.Personal, "NAME", at, count, 0.85);
    }

    private static PhiSpan? FullName(PhiWords words, int index)
    {
        if (!NameLists.IsClearFirstName(words[index]) || !NameLists.Surnames.Contains(words[index + 1] ?? "") || PhiWords.Stop.Contains(words[index + 1]!)) return null;
        var count = 2;
        if (NameLists.Surnames.Contains(words[index + 2] ?? "") && !NameLists.CommonWords.Contains(words[index + 2]!)) count = 3;
        return new PhiSpan(PhiCategories.Personal, "NAME", index, count, 0.75);
    }

    /// <summary>A word that can be part of a name: not a function word, not a number; strict: also not an ordinary word.</summary>
    private static bool IsNameWord(string? word, bool strict) =>
        word is not null && !PhiWords.Stop.Contains(word) && !NumberWords.IsNumberWord(word) && word.All(c => char.IsLetter(c) || c is '\'' or '-' or ' ')
        && !(strict && NameLists.CommonWords.Contains(word));
}
