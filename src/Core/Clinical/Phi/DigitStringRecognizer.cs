namespace MedGrpc.Core.Clinical.Phi;

/// <summary>
/// A long string of digits read out with no cue ("five five five one two three four"): seven or more
/// digits is taken as a phone number, the commonest such PHI in a consultation.
/// </summary>
public sealed class DigitStringRecognizer : IPhiRecognizer
{
    public IEnumerable<PhiSpan> Find(PhiWords words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (Formatting.NumberWords.Digit(words[i]) is null) continue;
            var (count, digits) = words.DigitRun(i, letters: false);
            if (digits >= 7)
            {
                yield return new PhiSpan(PhiCategories.Personal, "PHONE", i, count, 0.8);
                i += count - 1;
            }
        }
    }
}
