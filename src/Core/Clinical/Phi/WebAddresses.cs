namespace MedGrpc.Core.Clinical.Phi;

/// <summary>What email and URL recognizers share: top-level domains and dotted names read out ("example dot com").</summary>
public static class WebAddresses
{
    public static readonly HashSet<string> TopLevelDomains = ["com", "org", "net", "edu", "gov", "io", "us", "uk", "info", "biz", "co", "health", "ca"];

    /// <summary>A word of a host or user name: not a function word, no spaces.</summary>
    public static bool IsNamePart(string? word) => word is not null && word.Length > 0 && !word.Contains(' ') && !NotParts.Contains(word);

    private static readonly HashSet<string> NotParts =
        ["at", "dot", "is", "was", "are", "my", "your", "his", "her", "their", "our", "to", "the", "a", "an", "and", "or", "of", "in", "on", "for",
         "email", "address", "send", "write", "it", "me", "us", "him", "them", "please", "go", "visit", "see", "slash", "with", "from", "by"];

    /// <summary>
    /// A host read out from index: part (dot part)* ending in a top-level domain; its word count, or 0. The first part
    /// may be up to firstWords words: a recogniser splits a name run together into words ("healthportal" as "health portal").
    /// </summary>
    public static int Host(PhiWords words, int index, int firstWords = 1)
    {
        for (var first = 1; first <= firstWords; first++)
        {
            if (!Enumerable.Range(index, first).All(k => IsNamePart(words[k]))) return 0;
            if (Host(words, index, first, out var length)) return length;
        }
        return 0;
    }

    private static bool Host(PhiWords words, int index, int first, out int length)
    {
        length = 0;
        if (!IsNamePart(words[index]) || words.Is(index, "dot")) return false;
        int i = index + first, end = 0;
        while (words.Is(i, "dot") && words[i + 1] is { } part && (IsNamePart(part) || TopLevelDomains.Contains(part)))
        {
            i += 2;
            if (TopLevelDomains.Contains(part)) end = i;
        }
        length = end == 0 ? 0 : end - index;
        return end > 0;
    }
}
