using MedGrpc.Core.Clinical.Formatting;

namespace MedGrpc.Core.Clinical.Phi;

/// <summary>
/// A date of birth said as numbers after its cue: "date of birth fourteen oh two seventy two", "d o b one
/// two oh three nineteen eighty", "born in nineteen sixty". People read the day, month and year out as
/// numbers as often as with a month's name, and then no month word marks it as a date; the cue does.
/// The span is the number words (with "of", "the", "slash" and month names between them), not the cue.
/// </summary>
public sealed class BirthDateRecognizer : IPhiRecognizer
{
    private static readonly string[][] Cues =
    [
        ["date", "of", "birth"], ["d", "o", "b"], ["dob"], ["born", "on"], ["born", "in"], ["birthday", "is"], ["birth", "date"], ["birthdate"],
    ];

    private static readonly string[] Fillers = ["is", "was", "it's", "its", "on", "as", "of", "the", "please"];

    /// <summary>Words that join a date's numbers: "the fourteenth of the second", "twelve slash three".</summary>
    private static readonly string[] Joiners = ["of", "the", "slash", "dash", "stroke"];

    public IEnumerable<PhiSpan> Find(PhiWords words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            var cue = words.MatchAny(i, Cues);
            if (cue == 0) continue;
            var at = i + cue;
            for (var skipped = 0; skipped < 3 && words.Is(at, Fillers); skipped++) at++;
            var end = at;
            var parts = 0;
            while (end - at < 10)
            {
                if (IsDatePart(words[end])) { parts++; end++; }
                else if (words.Is(end, Joiners) && end > at && IsDatePart(words[end + 1])) end++;
                else break;
            }
            // One word alone is a date only as a day ("born on the twelfth"); two or more number words are a date or a year.
            if (parts == 0 || parts == 1 && SpokenNumber.Ordinal(words.Spoken, at) is null) continue;
            yield return new PhiSpan(PhiCategories.Personal, "DATE", at, end - at, 0.9);
            i = end - 1;
        }
    }

    private static bool IsDatePart(string? word) =>
        word is not null && (NumberWords.IsNumberWord(word) || NumberWords.Ordinals.ContainsKey(word) || DateRule.Months.Contains(word));
}
