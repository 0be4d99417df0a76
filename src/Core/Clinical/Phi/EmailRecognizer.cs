namespace MedGrpc.Core.Clinical.Phi;

/// <summary>An email address read out: "john dot smith at example dot com" (user parts joined by dot, underscore or dash, then "at", then a host).</summary>
public sealed class EmailRecognizer : IPhiRecognizer
{
    private static readonly string[] Joiners = ["dot", "underscore", "dash", "hyphen"];

    public IEnumerable<PhiSpan> Find(PhiWords words)
    {
        var from = 0;
        for (var at = 1; at < words.Count; at++)
        {
            if (!words.Is(at, "at") || words.Is(at + 1, "www")) continue;
            var host = WebAddresses.Host(words, at + 1);
            if (host == 0 || !WebAddresses.IsNamePart(words[at - 1])) continue;
            var start = at - 1;
            while (start - 2 >= from && words.Is(start - 1, Joiners) && WebAddresses.IsNamePart(words[start - 2])) start -= 2;
            yield return new PhiSpan(PhiCategories.Personal, "EMAIL", start, at + 1 + host - start, 0.95);
            from = at + 1 + host;
            at = from - 1;
        }
    }
}
