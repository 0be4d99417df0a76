using MedGrpc.Core.Media;
using MedGrpc.Core.Ports;

namespace MedGrpc.Engines.PocketSphinx;

/// <summary>
/// A second, constrained pass over the audio right after a PHI cue (MedGrpc:PocketSphinx:PhiSecondPass): the first
/// pass's words are searched for the cues of <see cref="PhiCues"/>; the span each announces (<see cref="PhiSpan"/>) is
/// decoded again on its own with the cue's grammar (<see cref="PhiGrammars"/>: digits, letters and digits, a date,
/// letters). The first pass's words and the grammar's are then each aligned to the span's audio, and the grammar's
/// replace the first pass's when their reading fits it at most <see cref="PocketSphinxOptions.PhiSecondPassMargin"/> a
/// frame worse; otherwise the first pass stands. Aligned so, both readings are scored in one search's units with no
/// grammar or language model cost in them: a grammar's path score carries its transition costs, and the language
/// model's search keeps its acoustic scores in other units.
/// </summary>
internal sealed class PhiSecondPass(PocketSphinxOptions options, ILogger log)
{
    private const int FramesPerSecond = 100;

    /// <summary>The first pass with its PHI spans re-read; the first pass as it is, with a warning, if PocketSphinx fails on a span.</summary>
    public Recognition Recognize(PocketSphinxDecoder decoder, byte[] audio, Recognition first, CancellationToken ct)
    {
        try
        {
            return Reread(decoder, audio, first, ct);
        }
        catch (InvalidOperationException e)
        {
            log.LogWarning("The PHI second pass failed, the first pass stands: {Reason}", e.Message);
            return first;
        }
    }

    private Recognition Reread(PocketSphinxDecoder decoder, byte[] audio, Recognition first, CancellationToken ct)
    {
        var cmn = decoder.CurrentCmn;
        int spans = 0, accepted = 0;
        var utterances = new List<RecognizedUtterance>(first.Utterances.Count);
        foreach (var utterance in first.Utterances)
        {
            ct.ThrowIfCancellationRequested();
            var words = utterance.Words.ToList();
            var found = PhiSpan.Find(words, names: options.PhiNames > 0);
            // Last first, so that the indices of the earlier spans still hold.
            for (var s = found.Count - 1; s >= 0; s--)
            {
                var span = found[s];
                // A misheard name may be one word or two: each reading is tried, and the one that fits best is weighed.
                var readings = span.Kind == PhiGrammarKind.Name
                    ? Enumerable.Range(span.First, span.Last - span.First + 1).Select(last => span with { Last = last, EndSeconds = words[last].EndSeconds })
                    : [span];
                Reading? best = null;
                spans++;
                foreach (var candidate in readings)
                {
                    if (Read(decoder, audio, words, candidate, cmn) is not { } reading) continue;
                    if (best is null || reading.Shortfall < best.Shortfall) best = reading;
                }
                var margin = span.Kind == PhiGrammarKind.Name ? options.PhiNameMargin : options.PhiSecondPassMargin;
                if (best is null || best.Shortfall > margin) continue;
                accepted++;
                var replaced = words.GetRange(best.Span.First, best.Span.Last - best.Span.First + 1);
                // The grammar's search gives no word posteriors: its words keep the confidence of those they replace.
                var confidence = replaced.Average(w => w.Confidence);
                words.RemoveRange(best.Span.First, replaced.Count);
                words.InsertRange(best.Span.First, best.Words.Select(w => w with { Confidence = confidence }));
            }
            // Alternatives stay the first pass's: the N-best list of the whole utterance, which the grammar did not search.
            utterances.Add(utterance with { Words = words });
        }
        if (spans > 0)
            log.LogInformation("PHI second pass: {PhiSpans} spans after a cue re-decoded, {PhiSpansAccepted} taken from the grammar", spans, accepted);
        return first with { Utterances = utterances };
    }

    /// <summary>A span's grammar reading and how much worse than the first pass's it fits the audio, a frame.</summary>
    private sealed record Reading(PhiSpan Span, IReadOnlyList<RecognizedWord> Words, double Shortfall);

    /// <summary>The span decoded with its grammar, both readings aligned to its audio; null when there is nothing to weigh.</summary>
    private Reading? Read(PocketSphinxDecoder decoder, byte[] audio, List<RecognizedWord> words, PhiSpan span, CepstralMeanState cmn)
    {
        var start = ByteAt(span.StartSeconds, audio.Length);
        var end = ByteAt(span.EndSeconds, audio.Length);
        if (end - start < PcmFormat.BytesPerSample * PcmFormat.SampleRate / 10) return null; // under 0.1 s: nothing to re-hear
        var grammar = decoder.DecodeSpan(audio, start, end, span.Kind, cmn);
        if (grammar.Words.Count == 0) return null;
        var firstReading = decoder.AlignSpan(audio, start, end, words[span.First..(span.Last + 1)].Select(w => w.Text).ToList(), cmn);
        var grammarReading = decoder.AlignSpan(audio, start, end, grammar.Words.Select(w => w.Text).ToList(), cmn);
        if (firstReading is null || grammarReading is null) return null; // a word the alignment cannot take: the first pass stands
        var frames = (double)(end - start) / PcmFormat.BytesPerSample / PcmFormat.SampleRate * FramesPerSecond;
        var shortfall = (firstReading.AcousticScore - grammarReading.AcousticScore) / frames;
        log.LogDebug("PHI second pass: a {PhiGrammar} span of {SpanSeconds:F2} s, the grammar's reading {Shortfall:F1} a frame below the first pass's ({FirstPassScore} against {GrammarScore})",
            span.Kind, span.EndSeconds - span.StartSeconds, shortfall, firstReading.AcousticScore, grammarReading.AcousticScore);
        return new Reading(span, grammarReading.Words, shortfall);
    }

    private static int ByteAt(double seconds, int length) =>
        Math.Clamp((int)Math.Round(seconds * PcmFormat.SampleRate) * PcmFormat.BytesPerSample, 0, length - length % PcmFormat.BytesPerSample);
}
