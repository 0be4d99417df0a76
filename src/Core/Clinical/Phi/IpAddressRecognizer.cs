using MedGrpc.Core.Clinical.Formatting;

namespace MedGrpc.Core.Clinical.Phi;

/// <summary>
/// An IPv4 address read out: four numbers (each 0–255, as a cardinal or digit by digit) joined by "dot" or "point".
/// A short "dot" is often misheard as another short word ("of", "dog"): when at least one joiner is "dot", the
/// others may be any short word that is not a number or a conjunction.
/// </summary>
public sealed class IpAddressRecognizer : IPhiRecognizer
{
    private static readonly HashSet<string> NotJoiners = ["and", "or", "to", "by", "with", "then", "but", "per", "over"];

    public IEnumerable<PhiSpan> Find(PhiWords words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            var at = i;
            int parts = 0, dots = 0, misheard = 0;
            while (parts < 4)
            {
                var group = Group(words, at);
                if (group == 0) break;
                at += group;
                parts++;
                if (parts == 4 || Group(words, at + 1) == 0) break;
                if (words.Is(at, "dot", "point")) dots += words.Is(at, "dot") ? 1 : 0;
                else if (words[at] is { Length: <= 4 } other && !NumberWords.IsNumberWord(other) && !NotJoiners.Contains(other)) misheard++;
                else break;
                at++;
            }
            if (parts < 4 || misheard > 0 && dots == 0) continue;
            yield return new PhiSpan(PhiCategories.Other, "IP_ADDRESS", i, at - i, misheard > 0 ? 0.8 : 0.9);
            i = at - 1;
        }
    }

    private static int Group(PhiWords words, int index)
    {
        var digits = 0;
        while (digits < 3 && NumberWords.Digit(words[index + digits]) is not null) digits++;
        if (digits >= 2) return digits;
        return SpokenNumber.Cardinal(words.Spoken, index) is { Value: >= 0 and <= 255 } n ? n.Count : 0;
    }
}
