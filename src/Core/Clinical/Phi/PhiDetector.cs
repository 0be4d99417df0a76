namespace MedGrpc.Core.Clinical.Phi;

/// <summary>
/// Finds PHI in spoken words, a pure function: every recognizer proposes spans; where spans overlap the
/// longer one wins (then the surer, then the earlier recognizer), so each word is in at most one entity.
/// </summary>
public static class PhiDetector
{
    /// <summary>The recognizers, most specific first (ties between equally long spans go to the earlier).</summary>
    public static readonly IReadOnlyList<IPhiRecognizer> Recognizers =
    [
        new EmailRecognizer(),
        new CuedEmailRecognizer(),
        new UrlRecognizer(),
        new IpAddressRecognizer(),
        new CuedNumberRecognizer(),
        new AddressRecognizer(),
        new DateRecognizer(),
        new BirthDateRecognizer(),
        new AgeRecognizer(),
        new DigitStringRecognizer(),
        new SpelledNameRecognizer(),
        new NameRecognizer(),
    ];

    public static IReadOnlyList<PhiSpan> Detect(IReadOnlyList<string> words)
    {
        var view = new PhiWords(words);
        var candidates = Recognizers
            .SelectMany((r, order) => r.Find(view).Select(span => (span, order)))
            .OrderByDescending(c => c.span.Count).ThenByDescending(c => c.span.RuleConfidence).ThenBy(c => c.order).ThenBy(c => c.span.First)
            .Select(c => c.span);
        var chosen = new List<PhiSpan>();
        foreach (var span in candidates)
            if (!chosen.Any(span.Overlaps)) chosen.Add(span);
        return chosen.OrderBy(s => s.First).ToList();
    }
}
