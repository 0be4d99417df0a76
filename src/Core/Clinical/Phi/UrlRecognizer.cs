namespace MedGrpc.Core.Clinical.Phi;

/// <summary>
/// A web address read out: "www dot clinic dot com", "w w w dot clinic dot com", "mychart dot example dot org slash portal",
/// "h t t p s colon slash slash …". A host right after "at" is an email's, not a URL.
/// </summary>
public sealed class UrlRecognizer : IPhiRecognizer
{
    private static readonly string[][] Schemes = [["h", "t", "t", "p", "s", "colon", "slash", "slash"], ["h", "t", "t", "p", "colon", "slash", "slash"], ["https", "colon", "slash", "slash"], ["http", "colon", "slash", "slash"]];

    /// <summary>"www" as written, and as said and recognised: letter by letter, or "double u" three times.</summary>
    private static readonly string[][] WorldWideWeb = [["www"], ["w", "w", "w"], ["double", "u", "double", "u", "double", "u"]];

    public IEnumerable<PhiSpan> Find(PhiWords words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (words.Is(i - 1, "dot") || words.Is(i - 1, "at") && words.MatchAny(i, WorldWideWeb) == 0) continue;
            var scheme = words.MatchAny(i, Schemes);
            var at = i + scheme;
            int host;
            var www = words.MatchAny(at, WorldWideWeb);
            if (www > 0 && words.Is(at + www, "dot"))
            {
                // After "www dot" a host is certain, so its first part may be a name the recogniser split into words.
                var rest = WebAddresses.Host(words, at + www + 1, firstWords: 3);
                host = rest == 0 ? 0 : www + 1 + rest;
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
