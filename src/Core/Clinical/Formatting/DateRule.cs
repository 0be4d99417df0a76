namespace MedGrpc.Core.Clinical.Formatting;

/// <summary>
/// A month with a day and/or a year: "march third twenty twenty four" → "March 3rd 2024", "june
/// fifteen" → "June 15", "may twenty twenty" → "May 2020". The month is capitalised; each part is its
/// own word with its own times. A month word alone ("may") is not a date and is left alone.
/// </summary>
public sealed class DateRule : IFormatRule
{
    public static readonly IReadOnlyList<string> Months =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    public RuleMatch? Match(SpokenWords words, int index)
    {
        if (words[index] is not { } month || !Months.Contains(month)) return null;
        var pieces = new List<Piece> { new(char.ToUpperInvariant(month[0]) + month[1..], 1) };
        var at = index + 1;
        if (words.Is(at, "the") && SpokenNumber.Ordinal(words, at + 1) is not null)
        {
            pieces.Add(new Piece("the", 1));
            at++;
        }
        // A day is an ordinal ("third"), or a cardinal that does not start a year ("fifteen", not "twenty twenty").
        var day = SpokenNumber.Ordinal(words, at) is { Value: >= 1 and <= 31 } ordinal ? ordinal
            : SpokenNumber.Year(words, at) is null && SpokenNumber.Cardinal(words, at) is { Value: >= 1 and <= 31 } cardinal ? cardinal
            : null;
        if (day is not null)
        {
            pieces.Add(new Piece(day.Written, day.Count));
            at += day.Count;
        }
        else if (pieces.Count > 1) return null;
        if (SpokenNumber.Year(words, at) is { } year) pieces.Add(new Piece(year.Written, year.Count));
        if (pieces.Count == 1) return null;
        return new RuleMatch(pieces);
    }
}
