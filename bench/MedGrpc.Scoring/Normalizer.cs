using System.Text.RegularExpressions;

namespace MedGrpc.Scoring;

/// <summary>
/// The word list that WER and term matching compare: lower case, no punctuation, numbers in words, fillers dropped,
/// spelled letters joined (g p → gp), spelling variants mapped (UK → US, 40 mg → forty milligrams).
/// Step for step the original scorer's normalize(), so that figures stay comparable with earlier results;
/// the manifest's references are its output, and Normalize(Normalize(x)) == Normalize(x).
/// </summary>
public static partial class Normalizer
{
    // 'a' and 'i' are words, never part of a run of spelled letters.
    private static readonly HashSet<string> LettersKeptAlone = ["a", "i"];

    // Python's \b and \s, which the original's patterns mean: a word character is a letter, a number (² and Ⅻ too)
    // or '_', where .NET's \w also takes combining marks; whitespace includes \x1c-\x1f, which .NET's \s does not.
    private const string W = @"[\p{L}\p{N}_]";
    internal const string PythonWordBoundary = "(?:(?<=" + W + ")(?!" + W + ")|(?<!" + W + ")(?=" + W + "))";
    internal const string PythonSpaceChars = @"\s\x1c-\x1f";
    internal const string PythonSpace = "[" + PythonSpaceChars + "]";

    private static readonly HashSet<string> ScaleWordsBeforeAnd = ["hundred", "thousand", "million", "billion"];

    // "a hundred" → "one hundred"; the original leaves out "billion" here (unlike the "and" rule): kept as it is.
    private static readonly HashSet<string> ScaleWordsAfterA = ["hundred", "thousand", "million"];

    public static string Normalize(string? text) => string.Join(' ', NormalizeTokens(text));

    public static IReadOnlyList<string> NormalizeTokens(string? text)
    {
        if (string.IsNullOrEmpty(text)) return [];
        // NFKC, then Python's lower(): the same as ToLowerInvariant but for İ, which becomes i + combining dot.
        text = CompatibilityForms.Fold(text).Replace("\u0130", "i\u0307").ToLowerInvariant();
        text = text.Replace('\u2019', '\'').Replace('\u2018', '\'').Replace('`', '\'');
        text = Dashes().Replace(text, "-");
        text = text.Replace("&", " and ");
        text = Fillers.MultiWord().Replace(text, " ");
        // Dotted acronyms before numbers and punctuation: u.t.i. / u. t. i. → uti, o.k. → ok.
        text = DottedAcronym().Replace(text, m => " " + NotLetter().Replace(m.Value, "") + " ");
        text = ExpandNumbers(text);
        text = text.Replace("%", " percent ");
        text = text.Replace("'", "");            // don't → dont
        text = NotLetterOrSpace().Replace(text, " ");   // hyphens and slashes split words
        var tokens = JoinSpelledLetters(text.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        var mapped = new List<string>(tokens.Count);
        foreach (var token in tokens)
        {
            if (Fillers.Words.Contains(token)) continue;
            mapped.AddRange(SpellingVariants.Map.TryGetValue(token, out var variant) ? variant.Split(' ') : [token]);
        }
        return SpokenNumbers(mapped);
    }

    /// <summary>Digits, ordinals, decades, decimals, percentages and scores (7/10) in words.</summary>
    private static string ExpandNumbers(string text)
    {
        text = ThousandsComma().Replace(text, "");
        text = Percent().Replace(text, "$1 percent");
        text = OutOf().Replace(text, "$1 out of $2");
        text = OrdinalSuffix().Replace(text, m => " " + NumberWords.Ordinal(NumberWords.FromDigits(m.Groups[1].Value)) + " ");
        text = Decade().Replace(text, m => " " + NumberWords.Plural(NumberWords.FromDigits(m.Groups[1].Value)) + " ");
        text = Decimal().Replace(text, m => " " + NumberWords.FromDigits(m.Groups[1].Value) + " point "
            + string.Join(' ', m.Groups[2].Value.Select(c => NumberWords.Digit((int)char.GetNumericValue(c)))) + " ");
        text = LetterDigitBoundary().Replace(text, " ");    // t2 → t 2, 40mg → 40 mg
        return Digits().Replace(text, m => " " + NumberWords.FromDigits(m.Value) + " ");
    }

    /// <summary>Runs of two or more single letters (other than a and i) become one token: g p → gp.</summary>
    private static List<string> JoinSpelledLetters(string[] tokens)
    {
        static bool IsLetter(string t) => t.Length == 1 && !LettersKeptAlone.Contains(t);
        var joined = new List<string>(tokens.Length);
        for (var i = 0; i < tokens.Length;)
        {
            var j = i;
            while (j < tokens.Length && IsLetter(tokens[j])) j++;
            if (j - i >= 2)
            {
                joined.Add(string.Concat(tokens[i..j]));
                i = j;
            }
            else joined.Add(tokens[i++]);
        }
        return joined;
    }

    /// <summary>"hundred and eighty" → "hundred eighty"; "a hundred" → "one hundred".</summary>
    private static List<string> SpokenNumbers(List<string> tokens)
    {
        var result = new List<string>(tokens.Count);
        for (var k = 0; k < tokens.Count; k++)
        {
            var t = tokens[k];
            var next = k + 1 < tokens.Count ? tokens[k + 1] : null;
            // The preceding word is looked up in the output and the next one in the input, as the original does.
            if (t == "and" && result.Count > 0 && ScaleWordsBeforeAnd.Contains(result[^1]) && next is not null && NumberWords.All.Contains(next))
                continue;
            if (t == "a" && next is not null && ScaleWordsAfterA.Contains(next)) t = "one";
            result.Add(t);
        }
        return result;
    }

    [GeneratedRegex("[\u2010-\u2015]", RegexOptions.CultureInvariant)]
    private static partial Regex Dashes();

    [GeneratedRegex(PythonWordBoundary + @"[a-z]\.(?:" + PythonSpace + @"?[a-z]\.)+", RegexOptions.CultureInvariant)]
    private static partial Regex DottedAcronym();

    [GeneratedRegex("[^a-z]", RegexOptions.CultureInvariant)]
    private static partial Regex NotLetter();

    [GeneratedRegex("[^a-z ]+", RegexOptions.CultureInvariant)]
    private static partial Regex NotLetterOrSpace();

    [GeneratedRegex(@"(?<=\d),(?=\d{3}" + PythonWordBoundary + @")", RegexOptions.CultureInvariant)]
    private static partial Regex ThousandsComma();

    [GeneratedRegex(@"(\d+)" + PythonSpace + @"*%", RegexOptions.CultureInvariant)]
    private static partial Regex Percent();

    [GeneratedRegex(PythonWordBoundary + @"(\d+)" + PythonSpace + @"*/" + PythonSpace + @"*(\d+)" + PythonWordBoundary, RegexOptions.CultureInvariant)]
    private static partial Regex OutOf();

    [GeneratedRegex(PythonWordBoundary + @"(\d+)(st|nd|rd|th)" + PythonWordBoundary, RegexOptions.CultureInvariant)]
    private static partial Regex OrdinalSuffix();

    [GeneratedRegex(PythonWordBoundary + @"(\d+0)'?s" + PythonWordBoundary, RegexOptions.CultureInvariant)]
    private static partial Regex Decade();

    [GeneratedRegex(PythonWordBoundary + @"(\d+)\.(\d+)" + PythonWordBoundary, RegexOptions.CultureInvariant)]
    private static partial Regex Decimal();

    [GeneratedRegex(@"(?<=[a-z])(?=\d)|(?<=\d)(?=[a-z])", RegexOptions.CultureInvariant)]
    private static partial Regex LetterDigitBoundary();

    [GeneratedRegex(@"\d+", RegexOptions.CultureInvariant)]
    private static partial Regex Digits();
}
