using MedGrpc.Core.Clinical.Formatting;

namespace MedGrpc.Core.Clinical.Phi;

/// <summary>
/// Ages: "forty two year old", "sixty eight years of age", "six month old", "aged seventy", "age of
/// fifty". The PHI is the number's words.
/// </summary>
public sealed class AgeRecognizer : IPhiRecognizer
{
    private static readonly string[][] After =
    [
        ["year", "old"], ["years", "old"], ["year-old"], ["years", "of", "age"], ["month", "old"], ["months", "old"],
        ["week", "old"], ["weeks", "old"], ["day", "old"], ["days", "old"], ["yo"],
    ];

    private static readonly string[][] Before = [["aged"], ["age"], ["age", "of"], ["at", "the", "age", "of"], ["at", "age"]];

    public IEnumerable<PhiSpan> Find(PhiWords words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            var cue = words.MatchAny(i, Before);
            var at = cue > 0 ? i + cue : i;
            if (SpokenNumber.Cardinal(words.Spoken, at) is not { Value: > 0 and <= 125 } number) continue;
            if (cue > 0 || words.MatchAny(at + number.Count, After) > 0)
            {
                yield return new PhiSpan(PhiCategories.Personal, "AGE", at, number.Count, 0.95);
                i = at + number.Count - 1;
            }
        }
    }
}
