namespace MedGrpc.Core.Clinical.Phi;

/// <summary>
/// A web address read out: "www dot clinic dot com", "mychart dot example dot org slash portal",
/// "h t t p s colon slash slash …". A host right after "at" is an email's, not a URL.
/// </summary>
public sealed class UrlRecognizer : IPhiRecognizer
{
    private static readonly string[][] Schemes = [["h", "t", "t", "p", "s", "colon", "slash", "slash"], ["h", "t", "t", "p", "colon", "slash", "slash"], ["https", "colon", "slash", "slash"], ["http", "colon", "slash", "slash"]];

    public IEnumerable<PhiSpan> Find(PhiWords words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (words.Is(i - 1, "dot") || words.Is(i - 1, "at") && !words.Is(i, "www")) continue;
            var scheme = words.MatchAny(i, Schemes);
            var at = i + scheme;
            int host;
            if (words.Is(at, "www") && words.Is(at + 1, "dot"))
            {
                var rest = WebAddresses.Host(words, at + 2);
                host = rest == 0 ? 0 : 2 + rest;
            }
            else host = WebAddresses.Host(words, at);
            if (host == 0) continue;
            var end = at + host;
            while (words.Is(end, "slash") && WebAddresses.IsNamePart(words[end + 1])) end += 2;
            yield return new PhiSpan(PhiCategories.Other, "URL", i, end - i, 0.9);
            i = end - 1;
        }
    }
}
