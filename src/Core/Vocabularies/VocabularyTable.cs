using System.Text.RegularExpressions;
using System.Text;
using MedGrpc.Core.Model;

namespace MedGrpc.Core.Vocabularies;

/// <summary>
/// Reads a vocabulary file in AWS's table format and checks it line by line: UTF-8 with LF line
/// endings, at most 50 KB; a header row naming the four columns Phrase, IPA, SoundsLike and
/// DisplayAs (tab separated, any order); then one phrase a line with as many columns as the header.
/// Phrase is required: letters, apostrophes, periods and hyphens (words joined by hyphens,
/// acronyms as D.N.A.); IPA (phonemes separated by single spaces) and SoundsLike (syllables joined
/// by hyphens) exclude each other; every value is at most 256 characters.
/// The first broken rule throws a <see cref="VocabularyFileException"/> naming the line and the rule.
/// </summary>
public static partial class VocabularyTable
{
    public const int MaxFileBytes = 50 * 1024;
    public const int MaxValueLength = 256;
    public static readonly IReadOnlyList<string> Columns = ["Phrase", "IPA", "SoundsLike", "DisplayAs"];

    [GeneratedRegex("^[A-Za-z'.-]+$")]
    private static partial Regex PhraseCharacters();

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The failure of a file over 50 KB, also for callers that see its size before reading it.</summary>
    public static VocabularyFileException TooLarge(long bytes) =>
        new($"The vocabulary file is {bytes:N0} bytes: the limit is 50 KB ({MaxFileBytes:N0} bytes). Split it or remove phrases.");

    public static IReadOnlyList<VocabularyEntry> Parse(ReadOnlySpan<byte> file)
    {
        if (file.Length > MaxFileBytes) throw TooLarge(file.Length);
        if (file.StartsWith(Encoding.UTF8.Preamble)) file = file[Encoding.UTF8.Preamble.Length..];

        string text;
        try
        {
            text = StrictUtf8.GetString(file);
        }
        catch (DecoderFallbackException e)
        {
            var line = 1 + file[..Math.Min(e.Index, file.Length)].Count((byte)'\n');
            throw VocabularyFileException.AtLine(line, "the file isn't UTF-8 text: save it with UTF-8 encoding.");
        }

        var lines = text.Split('\n');
        if (text.Trim().Length == 0)
            throw new VocabularyFileException("The vocabulary file is empty: it needs the header row 'Phrase\tIPA\tSoundsLike\tDisplayAs' and at least one phrase.");

        var order = Header(lines[0]);
        var entries = new List<VocabularyEntry>();
        for (var i = 1; i < lines.Length; i++)
        {
            var number = i + 1;
            var line = lines[i];
            CheckLineEnding(line, number);
            if (line.Length == 0) continue; // the newline after the last row, or a blank line
            entries.Add(Row(line, number, order));
        }
        if (entries.Count == 0)
            throw new VocabularyFileException("The vocabulary file has a header row but no phrases: add one phrase a line below the header.");
        return entries;
    }

    /// <summary>The header's columns in file order, as indexes into <see cref="Columns"/>.</summary>
    private static int[] Header(string line)
    {
        CheckLineEnding(line, 1);
        var names = line.Split('\t');
        var order = new int[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            var index = -1;
            for (var c = 0; c < Columns.Count; c++)
                if (string.Equals(names[i].Trim(), Columns[c], StringComparison.OrdinalIgnoreCase)) index = c;
            if (index < 0)
                throw VocabularyFileException.AtLine(1, $"the header has the column '{names[i]}', which isn't one of Phrase, IPA, SoundsLike, DisplayAs (separate the four columns with tabs).");
            if (order[..i].Contains(index))
                throw VocabularyFileException.AtLine(1, $"the header names the column '{Columns[index]}' twice.");
            order[i] = index;
        }
        var missing = Columns.Where((_, c) => !order.Contains(c)).ToList();
        if (missing.Count > 0)
            throw VocabularyFileException.AtLine(1, $"the header lacks the column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)}: the header row must name Phrase, IPA, SoundsLike and DisplayAs, separated by tabs.");
        return order;
    }

    private static VocabularyEntry Row(string line, int number, int[] order)
    {
        var values = line.Split('\t');
        if (values.Length != order.Length)
            throw VocabularyFileException.AtLine(number, $"the row has {values.Length} column{(values.Length == 1 ? "" : "s")} but the header has {order.Length}: separate every column with a tab and leave unused ones empty.");

        var byColumn = new string?[Columns.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var value = values[i];
            if (value.Length > MaxValueLength)
                throw VocabularyFileException.AtLine(number, $"the {Columns[order[i]]} value is {value.Length} characters long: the limit is {MaxValueLength}.");
            byColumn[order[i]] = value.Length == 0 ? null : value;
        }
        var (phrase, ipa, soundsLike, displayAs) = (byColumn[0], byColumn[1], byColumn[2], byColumn[3]);

        if (phrase is null)
            throw VocabularyFileException.AtLine(number, "the Phrase column is empty: every row needs a phrase.");
        CheckSpelling(phrase, "Phrase", number, "words joined by hyphens, e.g. acute-respiratory-distress-syndrome; acronyms as D.N.A.");
        if (ipa is not null && soundsLike is not null)
            throw VocabularyFileException.AtLine(number, "the row has both IPA and SoundsLike: give one of them, or neither.");
        if (soundsLike is not null)
            CheckSpelling(soundsLike, "SoundsLike", number, "syllables joined by hyphens, e.g. ah-sid-oh");
        if (ipa is not null) CheckIpa(ipa, number);
        if (displayAs is not null && displayAs.Trim().Length == 0)
            throw VocabularyFileException.AtLine(number, "the DisplayAs value is only spaces: leave it empty or write the phrase as it should appear.");
        return new VocabularyEntry(number, phrase, ipa, soundsLike, displayAs);
    }

    private static void CheckSpelling(string value, string column, int number, string form)
    {
        if (value.Contains(' '))
            throw VocabularyFileException.AtLine(number, $"the {column} '{value}' has a space: write {form}.");
        if (!PhraseCharacters().IsMatch(value))
        {
            var bad = value.First(ch => !(char.IsAsciiLetter(ch) || ch is '\'' or '.' or '-'));
            throw VocabularyFileException.AtLine(number, $"the {column} '{value}' has the character '{bad}': only the letters A–Z and a–z, apostrophes, periods and hyphens are allowed.");
        }
        if (!value.Any(char.IsAsciiLetter))
            throw VocabularyFileException.AtLine(number, $"the {column} '{value}' has no letters.");
        if (value.Contains("--") || value.StartsWith('-') || value.EndsWith('-'))
            throw VocabularyFileException.AtLine(number, $"the {column} '{value}' has an empty part between hyphens: write {form}.");
    }

    private static void CheckIpa(string ipa, int number)
    {
        if (ipa.StartsWith(' ') || ipa.EndsWith(' ') || ipa.Contains("  "))
            throw VocabularyFileException.AtLine(number, $"the IPA '{ipa}' must separate phonemes with single spaces, with none at either end.");
        foreach (var phoneme in ipa.Split(' '))
            if (IpaPhones.Phone(phoneme) is null)
                throw VocabularyFileException.AtLine(number, $"the IPA '{ipa}' has '{phoneme}', which isn't a US English phoneme (separate phonemes with single spaces; allowed: {IpaPhones.Listed}).");
    }

    private static void CheckLineEnding(string line, int number)
    {
        if (line.Contains('\r'))
            throw VocabularyFileException.AtLine(number, "the line ends with a carriage return (CRLF): save the file with LF line endings.");
    }
}
