namespace MedGrpc.Core.Clinical.Phi;

/// <summary>
/// An email address whose "at" the recogniser misheard ("my email is john smith without example dot com"):
/// after an email cue ("email", "write", "send… to"), the one to three words before a host read out are the
/// user and the misheard "at". Without the cue a bare host is a web address (UrlRecognizer).
/// </summary>
public sealed class CuedEmailRecognizer : IPhiRecognizer
{
    private static readonly HashSet<string> Cues = ["email", "e-mail", "emails", "emailed", "write", "send", "sent"];

    /// <summary>Words that end the cue's phrase: the user starts after the last of them.</summary>
    private static readonly HashSet<string> Openers = ["is", "was", "to", "at", "address", "email"];

    /// <summary>How far back the cue may be: "send the letter to" and three user words and the misheard "at".</summary>
    private const int Lookback = 8;

    public IEnumerable<PhiSpan> Find(PhiWords words)
    {
        for (var host = 1; host < words.Count; host++)
        {
            if (words.Is(host - 1, "at", "dot", "www")) continue;
            var length = WebAddresses.Host(words, host);
            if (length == 0) continue;
            var cue = Enumerable.Range(1, Lookback).Select(k => host - k).FirstOrDefault(k => k >= 0 && words[k] is { } w && Cues.Contains(w), -1);
            if (cue < 0) continue;
            var start = cue + 1;
            for (var k = cue + 1; k < host; k++)
                if (words[k] is { } w && Openers.Contains(w)) start = k + 1;
            var user = host - start;
            if (user is < 1 or > 3 || !Enumerable.Range(start, user).All(k => WebAddresses.IsNamePart(words[k]) || words.Is(k, "at"))) continue;
            yield return new PhiSpan(PhiCategories.Personal, "EMAIL", start, user + length, 0.8);
            host += length - 1;
        }
    }
}
