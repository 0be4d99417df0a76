using MedGrpc.Core.Clinical.Formatting;

namespace MedGrpc.Core.Clinical.Phi;

/// <summary>An IPv4 address read out: four numbers (each 0–255, as a cardinal or digit by digit) joined by "dot" or "point".</summary>
public sealed class IpAddressRecognizer : IPhiRecognizer
{
    public IEnumerable<PhiSpan> Find(PhiWords words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            var at = i;
            var parts = 0;
            while (parts < 4)
            {
                var group = Group(words, at);
                if (group == 0) break;
                at += group;
                parts++;
                if (parts < 4 && words.Is(at, "dot", "point") && Group(words, at + 1) > 0) at++;
                else break;
            }
            if (parts < 4) continue;
            yield return new PhiSpan(PhiCategories.Other, "IP_ADDRESS", i, at - i, 0.9);
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
