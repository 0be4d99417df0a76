using MedGrpc.Core.Clinical.Formatting;

namespace MedGrpc.Core.Clinical.Phi;

/// <summary>
/// Dates: a month with a day and/or a year ("march third twenty twenty four", "june fifteen"), or a
/// day of a month ("the third of march"). The whole date is the span, the year included.
/// </summary>
public sealed class DateRecognizer : IPhiRecognizer
{
    public IEnumerable<PhiSpan> Find(PhiWords words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            // "the third of march (twenty twenty four)"
            var at = words.Is(i, "the") ? i + 1 : i;
            if (SpokenNumber.Ordinal(words.Spoken, at) is { Value: >= 1 and <= 31 } ordinal && words.Is(at + ordinal.Count, "of")
                && words[at + ordinal.Count + 1] is { } m && DateRule.Months.Contains(m))
            {
                var end = at + ordinal.Count + 2;
                if (SpokenNumber.Year(words.Spoken, end) is { } y) end += y.Count;
                yield return new PhiSpan(PhiCategories.Personal, "DATE", at, end - at, 0.9);
                i = end - 1;
                continue;
            }
            if (new DateRule().Match(words.Spoken, i) is { } date)
            {
                yield return new PhiSpan(PhiCategories.Personal, "DATE", i, date.Consumed, 0.9);
                i += date.Consumed - 1;
            }
        }
    }
}
