using System.Globalization;
using System.Text;

namespace MedGrpc.Scoring;

/// <summary>
/// The part of Unicode NFKC that can change a normalized word: ligatures, full-width and mathematical letters and
/// digits, superscripts, fractions, unit signs (㎎ → mg), odd spaces; and an ASCII letter followed by a combining
/// mark that composes with it (e + ◌́ → é, which the normalizer then drops, as the original scorer does).
/// string.Normalize can't be used: with InvariantGlobalization (Directory.Build.props) it returns its input
/// unchanged. The table, CompatibilityForms.txt, was made from the Unicode data of the original scorer's Python.
/// Approximation: the first non-spacing mark after a letter that composes with it is taken, without Unicode's
/// reordering and blocking by combining class, which only matters for stacks of marks.
/// </summary>
public static class CompatibilityForms
{
    private static readonly Lazy<(Dictionary<int, string> Singles, Dictionary<(char Letter, int Mark), string> Pairs)> Table = new(Load);

    public static string Fold(string text)
    {
        if (Ascii.IsValid(text)) return text;
        var (singles, pairs) = Table.Value;
        var mapped = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
            if (singles.TryGetValue(rune.Value, out var form)) mapped.Append(form);
            else mapped.Append(rune.ToString());

        var folded = mapped.ToString();
        var composed = new StringBuilder(folded.Length);
        for (var i = 0; i < folded.Length; i++)
        {
            // An ASCII letter and the first of the non-spacing marks after it that composes with it.
            var letter = folded[i];
            var joined = false;
            for (var end = i + 1; char.IsAsciiLetter(letter) && end < folded.Length && Rune.TryGetRuneAt(folded, end, out var mark)
                                  && Rune.GetUnicodeCategory(mark) == UnicodeCategory.NonSpacingMark; end += mark.Utf16SequenceLength)
            {
                if (!pairs.TryGetValue((letter, mark.Value), out var composite)) continue;
                composed.Append(composite).Append(folded, i + 1, end - i - 1);   // the marks before it stay
                i = end + mark.Utf16SequenceLength - 1;
                joined = true;
                break;
            }
            if (!joined) composed.Append(letter);
        }
        return composed.ToString();
    }

    private static (Dictionary<int, string>, Dictionary<(char, int), string>) Load()
    {
        var singles = new Dictionary<int, string>();
        var pairs = new Dictionary<(char, int), string>();
        using var stream = typeof(CompatibilityForms).Assembly.GetManifestResourceStream("MedGrpc.Scoring.CompatibilityForms.txt")
            ?? throw new InvalidOperationException("CompatibilityForms.txt is not embedded");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var parts = line.Split('\t');
            var from = Text(parts[0]);
            var to = Text(parts[1]);
            if (from.Length == 2 && char.IsAsciiLetter(from[0])) pairs[(from[0], char.ConvertToUtf32(from, 1))] = to;
            else singles[char.ConvertToUtf32(from, 0)] = to;
        }
        return (singles, pairs);
    }

    private static string Text(string hex) => string.Concat(hex.Split(' ').Select(h => char.ConvertFromUtf32(int.Parse(h, NumberStyles.HexNumber, CultureInfo.InvariantCulture))));
}
