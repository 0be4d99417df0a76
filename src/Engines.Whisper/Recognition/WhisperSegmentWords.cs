using System.Text.RegularExpressions;
using MedGrpc.Core.Ports;
using Whisper.net;

namespace MedGrpc.Engines.Whisper;

/// <summary>
/// Turns one Whisper segment into an utterance of timed words. Whisper decodes BPE tokens: a token
/// whose text starts with a space starts a word, the others continue it. Each word runs from its first
/// token's start to its last token's end (whisper.cpp's token timestamps, in hundredths of a second),
/// held inside the segment and the audio, since random or confused decoding can stamp times past the
/// end. Its confidence is the product of its tokens' probabilities: the probability the decoder gave
/// that spelling. Marks the decoder wrote after a word (",", ".", "?") become its punctuation; special
/// tokens (timestamps, end of text) are not words.
/// </summary>
public static partial class WhisperSegmentWords
{
    // The marks AWS writes as punctuation items; other symbols around a word (quotes, brackets) are dropped.
    private const string Marks = ".,?!;:";
    private const string Enclosing = "\"'()[]{}«»“”‘’";

    /// <param name="offsetSeconds">Where the audio given to whisper.cpp starts in the job's audio.</param>
    /// <param name="lengthSeconds">How long that audio is: no word ends after it.</param>
    /// <returns>The utterance, or null when the segment holds no word.</returns>
    public static RecognizedUtterance? ToUtterance(SegmentData segment, double offsetSeconds, double lengthSeconds)
    {
        var segmentStart = Math.Clamp(segment.Start.TotalSeconds, 0, lengthSeconds);
        var segmentEnd = Math.Clamp(segment.End.TotalSeconds, segmentStart, lengthSeconds);
        var words = new List<RecognizedWord>();
        foreach (var pieces in Words(segment.Tokens))
        {
            var (core, mark) = Split(string.Concat(pieces.Select(t => t.Text)));
            if (core.Length == 0)
            {
                // A token of marks alone (" ...", " -") punctuates the word before it, if any.
                if (mark is not null && words.Count > 0 && words[^1].Punctuation is null)
                    words[^1] = words[^1] with { Punctuation = mark };
                continue;
            }
            var start = Seconds(pieces[0].Start, segmentStart, segmentStart, segmentEnd);
            if (words.Count > 0) start = Math.Max(start, words[^1].StartSeconds - offsetSeconds);
            var end = Math.Max(start, Seconds(pieces[^1].End, segmentEnd, segmentStart, segmentEnd));
            words.Add(new RecognizedWord(core, offsetSeconds + start, offsetSeconds + end, Confidence(pieces)) { Punctuation = mark });
        }
        // Whisper has no other readings to offer: whisper.cpp keeps only the best of its beams.
        return words.Count == 0 ? null : new RecognizedUtterance(words) { Punctuated = true };
    }

    /// <summary>The segment's text tokens grouped into words.</summary>
    private static List<List<WhisperToken>> Words(IEnumerable<WhisperToken> tokens)
    {
        var words = new List<List<WhisperToken>>();
        foreach (var token in tokens)
        {
            if (string.IsNullOrEmpty(token.Text) || IsSpecial(token.Text)) continue;
            if (words.Count == 0 || token.Text[0] == ' ') words.Add([]);
            words[^1].Add(token);
        }
        return words;
    }

    // whisper.cpp names its special tokens [_BEG_], [_TT_123], [_EOT_]…; OpenAI's tokenizer writes <|…|>.
    private static bool IsSpecial(string text) =>
        (text.StartsWith("[_", StringComparison.Ordinal) && text.EndsWith(']')) ||
        (text.StartsWith("<|", StringComparison.Ordinal) && text.EndsWith("|>", StringComparison.Ordinal));

    /// <summary>The word without the marks and enclosing symbols around it, and the first mark after it.</summary>
    private static (string Core, string? Mark) Split(string text)
    {
        var core = text.Trim().Trim(Enclosing.ToCharArray());
        // An abbreviation's full stops are its own (e.g., a.m., U.S.).
        if (Abbreviation().IsMatch(core)) return (core, null);
        var end = core.Length;
        while (end > 0 && (Marks.Contains(core[end - 1]) || Enclosing.Contains(core[end - 1]))) end--;
        var trailing = core[end..].Where(c => Marks.Contains(c)).ToList();
        core = core[..end].TrimStart(Marks.ToCharArray()).TrimStart(Enclosing.ToCharArray());
        return (core, trailing.Count > 0 ? trailing[0].ToString() : null);
    }

    /// <summary>A token time (hundredths of a second, negative when whisper.cpp gave none) in seconds, within the segment.</summary>
    private static double Seconds(long centiseconds, double fallback, double min, double max) =>
        centiseconds < 0 ? fallback : Math.Clamp(centiseconds / 100.0, min, max);

    private static double Confidence(List<WhisperToken> tokens)
    {
        var product = tokens.Aggregate(1.0, (p, t) => p * t.Probability);
        return double.IsFinite(product) ? Math.Clamp(product, 0, 1) : 0;
    }

    [GeneratedRegex(@"^(\p{L}\.){2,}$")]
    private static partial Regex Abbreviation();
}
