using MedGrpc.Core.Clinical.Formatting;
using MedGrpc.Core.Clinical.Phi;
using MedGrpc.Core.Ports;

namespace MedGrpc.Engines.PocketSphinx;

/// <summary>
/// The stretch of an utterance a PHI cue announces: from the end of the cue (and of the joiners after it) to the
/// end of the last first-pass word the cue's grammar could read, bridging up to two misheard words in a row, and
/// never past a pause, the next cue or <see cref="MaxSeconds"/>.
/// Words <see cref="First"/> to <see cref="Last"/> of the utterance are the ones a grammar result replaces.
/// </summary>
internal sealed record PhiSpan(PhiGrammarKind Kind, int First, int Last, double StartSeconds, double EndSeconds)
{
    // What one PHI value takes to say, at most: a long ID read slowly.
    public const double MaxSeconds = 8;
    // A pause this long after a word ends what the cue announced.
    private const double MaxPauseSeconds = 1.0;
    // Misheard words in a row a span bridges (a digit PocketSphinx took for "by", "sex", "won't"…).
    private const int MaxMisheard = 2;

    /// <summary>The spans the cues in one utterance announce, in order, none overlapping; names only when asked for.</summary>
    public static List<PhiSpan> Find(IReadOnlyList<RecognizedWord> words, bool names = true)
    {
        var spans = new List<PhiSpan>();
        for (var i = 0; i < words.Count; i++)
        {
            if (CueAt(words, i) is not { } cue) continue;
            var next = i + cue.Length;
            if (cue.Kind == PhiGrammarKind.Name)
            {
                if (names && NameAfter(words, next) is { } nameEnd)
                {
                    spans.Add(new PhiSpan(cue.Kind, next, nameEnd, words[next - 1].EndSeconds, words[nameEnd].EndSeconds));
                    i = nameEnd;
                }
                else i = next - 1;
                continue;
            }
            while (next < words.Count && PhiCues.Joiners.Contains(words[next].Text)) next++;
            if (next >= words.Count) break;
            var start = words[next - 1].EndSeconds;
            if (cue.Kind == PhiGrammarKind.Address)
            {
                if (AddressEnd(words, next, start) is { } end)
                {
                    spans.Add(new PhiSpan(cue.Kind, next, end, start, words[end].EndSeconds));
                    i = end;
                }
                else i = next - 1;
                continue;
            }
            var last = -1;
            for (int k = next, misheard = 0; k < words.Count && misheard <= MaxMisheard; k++)
            {
                if (words[k].EndSeconds - start > MaxSeconds) break;
                if (k > next && words[k].StartSeconds - words[k - 1].EndSeconds > MaxPauseSeconds) break;
                if (CueAt(words, k) is not null) break; // the next cue's PHI is its own span
                if (PhiGrammars.Reads(cue.Kind, words[k].Text))
                {
                    last = k;
                    misheard = 0;
                }
                else misheard++;
            }
            if (last < 0)
            {
                i = next - 1;
                continue;
            }
            spans.Add(new PhiSpan(cue.Kind, next, last, start, words[last].EndSeconds));
            i = last;
        }
        return spans;
    }

    // Words after the house number a street's name and type may take, misheard or not ("don't ride" for "elm drive").
    private const int MaxStreetWords = 3;

    /// <summary>
    /// Where an address after its cue ends: it starts with a house number; then up to <see cref="MaxStreetWords"/> words
    /// that are not function words (a street's name, which the first pass often mishears), ending early at a street type.
    /// Null when no house number or no word after it: nothing an address grammar could read.
    /// </summary>
    private static int? AddressEnd(IReadOnlyList<RecognizedWord> words, int first, double start)
    {
        var k = first;
        while (k < words.Count && (IsHouseNumberWord(words[k].Text) || k > first && InsideHouseNumber(words, k))) k++;
        if (k == first) return null;
        int? last = null;
        for (var street = 0; street < MaxStreetWords && k < words.Count; street++, k++)
        {
            var word = words[k].Text;
            if (words[k].EndSeconds - start > MaxSeconds || words[k].StartSeconds - words[k - 1].EndSeconds > MaxPauseSeconds || CueAt(words, k) is not null) break;
            if (AddressRecognizer.StreetTypes.Contains(word)) return k;
            if (PhiWords.Stop.Contains(word) || NumberWords.IsNumberWord(word)) break;
            last = k;
        }
        return last;
    }

    // A name the first pass misheard is one word or two ("doctor going" for "doctor green", "but don't" for "patel").
    private const int MaxNameWords = 2;
    private const double MaxNameSeconds = 2;

    /// <summary>
    /// The last of the words after a name cue that a name may have been heard as: up to <see cref="MaxNameWords"/> words
    /// that are not names in the detector's lists. Null when the first pass wrote a name there (the language model's
    /// choice is kept: hundreds of names fit a short stretch of audio alike) or nothing.
    /// </summary>
    private static int? NameAfter(IReadOnlyList<RecognizedWord> words, int first)
    {
        int? last = null;
        for (var k = first; k < words.Count && k - first < MaxNameWords; k++)
        {
            var word = words[k];
            if (NameLists.IsName(word.Text) || CueAt(words, k) is not null || word.EndSeconds - words[first - 1].EndSeconds > MaxNameSeconds) break;
            if (word.StartSeconds - words[k - 1].EndSeconds > MaxPauseSeconds) break;
            last = k;
        }
        return last;
    }

    // "for", "to" and "too" are too often themselves to open a house number; after a number they are its digits ("sixty to church lane").
    private static bool IsHouseNumberWord(string word) => NumberWords.IsNumberWord(word) || PhiGrammars.Reads(PhiGrammarKind.Digits, word) && word is not "for" and not "to" and not "too";

    private static bool InsideHouseNumber(IReadOnlyList<RecognizedWord> words, int k) =>
        words[k].Text is "for" or "to" or "too" || words[k].Text == "and" && k + 1 < words.Count && NumberWords.IsNumberWord(words[k + 1].Text);

    private static (int Length, PhiGrammarKind Kind)? CueAt(IReadOnlyList<RecognizedWord> words, int at)
    {
        foreach (var (cue, kind) in PhiCues.All)
        {
            if (at + cue.Length > words.Count) continue;
            var matches = true;
            for (var k = 0; k < cue.Length && matches; k++) matches = words[at + k].Text == cue[k];
            if (matches) return (cue.Length, kind);
        }
        return null;
    }
}
