using MedGrpc.Core.Model;
using MedGrpc.Core.Ports;
using MedGrpc.Core.Vocabularies;

namespace MedGrpc.Engines.PocketSphinx;

/// <summary>
/// Gives each row of a vocabulary table the pronunciations the engine adds to its dictionary:
/// IPA mapped phoneme by phoneme; SoundsLike's syllables through the grapheme-to-phoneme converter;
/// a plain phrase word by word, from the recogniser's dictionary where it knows the word and
/// through the converter where it does not; an acronym (D.N.A.) letter by letter.
/// </summary>
public sealed class VocabularyPronouncer(PronunciationDictionary dictionary, GraphemeToPhoneme g2p) : IPronouncer
{
    /// <summary>The 39 phones of the en-US acoustic model (CMU ARPAbet without stress).</summary>
    private static readonly HashSet<string> AcousticPhones =
    [
        "AA", "AE", "AH", "AO", "AW", "AY", "B", "CH", "D", "DH", "EH", "ER", "EY", "F", "G", "HH", "IH", "IY", "JH", "K",
        "L", "M", "N", "NG", "OW", "OY", "P", "R", "S", "SH", "T", "TH", "UH", "UW", "V", "W", "Y", "Z", "ZH",
    ];

    public async Task<IReadOnlyList<VocabularyPhrase>> PronounceAsync(IReadOnlyList<VocabularyEntry> entries, CancellationToken ct)
    {
        var phrases = new List<VocabularyPhrase>(entries.Count);
        foreach (var entry in entries)
        {
            var pronunciation = entry switch
            {
                { Ipa: { } ipa } => string.Join(' ', ipa.Split(' ').Select(p => IpaPhones.Phone(p)!)),
                { SoundsLike: { } soundsLike } => await g2p.PhonesAsync(Spaced(soundsLike), ct),
                _ => await PhraseAsync(entry.Phrase, ct),
            };
            if (pronunciation.Length == 0)
                throw VocabularyFileException.AtLine(entry.Line, $"no pronunciation could be made for '{entry.Phrase}': give its IPA or SoundsLike.");
            // Checked here so that a READY vocabulary never fails its jobs when the decoder adds it.
            if (pronunciation.Split(' ').FirstOrDefault(phone => !AcousticPhones.Contains(phone)) is { } unknown)
                throw VocabularyFileException.AtLine(entry.Line, $"the pronunciation made for '{entry.Phrase}' has the phone '{unknown}', which the acoustic model lacks: give its IPA.");
            phrases.Add(new VocabularyPhrase(Word(entry.Phrase), [pronunciation], entry.DisplayAs ?? Written(entry.Phrase)));
        }
        // A phrase listed twice is one word with each of its pronunciations.
        return phrases
            .GroupBy(p => p.Word, StringComparer.Ordinal)
            .Select(g => g.First() with { Pronunciations = g.SelectMany(p => p.Pronunciations).Distinct().ToList() })
            .ToList();
    }

    /// <summary>The word the recogniser knows the phrase by: lower case, hyphens kept, as dictionary words are.</summary>
    public static string Word(string phrase) => phrase.ToLowerInvariant();

    /// <summary>How the transcript writes a phrase without DisplayAs: its words separated by spaces (acronyms as written).</summary>
    public static string Written(string phrase) => phrase.Replace('-', ' ');

    private async Task<string> PhraseAsync(string phrase, CancellationToken ct)
    {
        var parts = new List<string>();
        foreach (var part in phrase.Split('-'))
        {
            if (IsAcronym(part))
            {
                // Letter names: the converter says a capital letter standing alone as its name ("D" → D IY).
                parts.Add(await g2p.PhonesAsync(string.Join(' ', part.Where(char.IsAsciiLetter).Select(char.ToUpperInvariant)), ct));
                continue;
            }
            var known = dictionary.Lookup(part.Trim('.', '\''));
            parts.Add(known.Count > 0 ? known[0] : await g2p.PhonesAsync(part.Replace(".", ""), ct));
        }
        return string.Join(' ', parts.Where(p => p.Length > 0));
    }

    // D.N.A. or D.N.A: letters each followed by a period.
    private static bool IsAcronym(string part) =>
        part.Contains('.') && part.Split('.', StringSplitOptions.RemoveEmptyEntries).All(letter => letter.Length == 1);

    private static string Spaced(string soundsLike) => soundsLike.Replace('-', ' ').Replace(".", "");
}
