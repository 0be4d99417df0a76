using static MedGrpc.Engines.PocketSphinx.PocketSphinxNative;

namespace MedGrpc.Engines.PocketSphinx;

/// <summary>
/// Whether a recording is everyday speech rather than medical speech, told from its first pass's words
/// (MedGrpc:PocketSphinx:RecordingModelChoice). The mix of the general and the medical model pulls the ordinary words of
/// everyday speech towards the medical text's ("hold in your call" became "all the urine"), so such a recording is
/// transcribed again with the general model alone. The test: each word of the first pass, in the context of the two words
/// before it, is scored by both models; where the general model rates the words, on average (the geometric mean), more
/// than <see cref="PocketSphinxOptions.EverydaySpeechRatio"/> times likelier than the medical model does, the recording is
/// everyday speech. Consultations and dictations are the medical text's own kind of speech, dialogue included, so the
/// medical model rates them as high or higher; a speech, an audiobook or a telephone prompt backs off to its unigrams.
/// Over a whole recording (or a piece of one) the two lie far apart; over one short utterance they do not, which is
/// why the per-utterance choice failed (docs/medical-model.md, "Choosing the model per recording").
/// </summary>
internal sealed class RecordingModelChoice(IntPtr general, IntPtr medical, IntPtr logmath, double everydaySpeechRatio)
{
    // A word either model gives no probability to (the general model lacks most drug names) counts as this rare:
    // one such word must not outweigh a recording.
    private const double LogProbabilityFloor = -16; // about 1e-7

    /// <summary>
    /// True when the words' <see cref="MeanLogRatio"/> says the general model rates them more than the ratio times likelier
    /// a word than the medical model does.
    /// </summary>
    public bool IsEverydaySpeech(double meanLogRatio) => meanLogRatio < -Math.Log(everydaySpeechRatio);

    /// <summary>
    /// The mean, a word (the sentence end of each utterance included), of the natural log of the medical model's trigram
    /// probability over the general model's; null when there are no words.
    /// </summary>
    public double? MeanLogRatio(IEnumerable<IReadOnlyList<string>> utterances)
    {
        double total = 0;
        var count = 0;
        foreach (var utterance in utterances.Where(u => u.Count > 0))
        {
            List<string> words = ["<s>", .. utterance, "</s>"];
            for (var i = 1; i < words.Count; i++)
            {
                total += LogProbability(medical, words, i) - LogProbability(general, words, i);
                count++;
            }
        }
        return count == 0 ? null : total / count;
    }

    /// <summary>The natural log of the model's probability of words[i] after the (up to) two words before it.</summary>
    private unsafe double LogProbability(IntPtr model, List<string> words, int i)
    {
        var history = stackalloc int[2]; // most recent first, as sphinxbase wants it
        var length = 0;
        for (var h = i - 1; h >= 0 && length < 2; h--) history[length++] = ngram_wid(model, words[h]);
        var probability = ngram_ng_prob(model, ngram_wid(model, words[i]), (IntPtr)history, length, out _);
        return Math.Max(LogProbabilityFloor, logmath_log_to_ln(logmath, probability));
    }
}
