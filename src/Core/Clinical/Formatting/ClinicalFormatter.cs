using MedGrpc.Core.Ports;

namespace MedGrpc.Core.Clinical.Formatting;

/// <summary>
/// Writes what the engine heard in AWS's medical style, as a pure function over timed words: numbers
/// above ten as digits, percentages, units, blood pressures, decimals, dates and ordinals, spelled acronyms, "I". At each
/// word the first rule that matches wins and its words are consumed; a word no rule takes is kept as it
/// is. A formatted word that replaces several spoken words starts at the first one's start, ends at the
/// last one's end and has the lowest of their confidences.
/// </summary>
public static class ClinicalFormatter
{
    /// <summary>The rules, most specific first.</summary>
    public static readonly IReadOnlyList<IFormatRule> Rules =
    [
        new BloodPressureRule(),
        new DateRule(),
        new PercentRule(),
        new MeasurementRule(),
        new OutOfRule(),
        new DecimalRule(),
        new OrdinalRule(),
        new CardinalRule(),
        new AcronymRule(),
        new PronounIRule(),
    ];

    public static IReadOnlyList<FormattedWord> Format(IReadOnlyList<RecognizedWord> words)
    {
        var spoken = new SpokenWords(words.Select(w => w.Text).ToList());
        var formatted = new List<FormattedWord>(words.Count);
        var i = 0;
        while (i < words.Count)
        {
            var match = Rules.Select(r => r.Match(spoken, i)).FirstOrDefault(m => m is not null && m.Consumed > 0);
            if (match is null)
            {
                var w = words[i];
                formatted.Add(new FormattedWord(w.Text, w.StartSeconds, w.EndSeconds, w.Confidence, i, 1));
                i++;
                continue;
            }
            foreach (var piece in match.Pieces)
            {
                var first = i;
                var span = Enumerable.Range(first, piece.Count).Select(k => words[k]).ToList();
                formatted.Add(new FormattedWord(piece.Text, span[0].StartSeconds, span[^1].EndSeconds, span.Min(w => w.Confidence), first, piece.Count));
                i += piece.Count;
            }
        }
        return formatted;
    }
}
