using System.Text.RegularExpressions;

namespace MedGrpc.Scoring;

/// <summary>Hesitations that neither the references nor the scoring count as words.</summary>
public static partial class Fillers
{
    /// <summary>Single-token fillers, dropped after spelled letters are joined (so "m m" → "mm" is dropped too).</summary>
    public static readonly IReadOnlySet<string> Words = new HashSet<string>
    {
        "um", "umm", "uum", "uhm", "uh", "uhh", "er", "err", "erm", "hmm", "hmmm",
        "hm", "mm", "mmm", "mhm", "mmhmm", "em", "eh",
    };

    /// <summary>Two-part fillers (uh-huh, mm-hmm, m hm, uh hum), removed from the lower-cased text before anything else.</summary>
    [GeneratedRegex(Normalizer.PythonWordBoundary + @"(?:uh[" + Normalizer.PythonSpaceChars + "-]+huh|mm+[" + Normalizer.PythonSpaceChars + "-]+hmm+|m+[" + Normalizer.PythonSpaceChars + "-]+hm+|uh[" + Normalizer.PythonSpaceChars + "-]+hum)" + Normalizer.PythonWordBoundary, RegexOptions.CultureInvariant)]
    public static partial Regex MultiWord();
}
