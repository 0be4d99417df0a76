using MedGrpc.Core.Ports;

namespace MedGrpc.Core.Jobs;

/// <summary>
/// Puts the recognitions of a recording's pieces back on one timeline: each piece's words move by the
/// piece's start in the recording, and the pieces follow each other in the recording's order.
/// </summary>
public static class RecognitionTimeline
{
    /// <param name="pieces">Each piece's start in the recording (seconds) and what was recognised in it, in any order.</param>
    public static Recognition Stitch(IEnumerable<(double StartSeconds, Recognition Recognition)> pieces)
    {
        var ordered = pieces.OrderBy(p => p.StartSeconds).ToList();
        var utterances = ordered.SelectMany(p => p.Recognition.Utterances.Select(u => Shift(u, p.StartSeconds))).ToList();
        return new Recognition(utterances) { CpuSeconds = ordered.Sum(p => p.Recognition.CpuSeconds) };
    }

    private static RecognizedUtterance Shift(RecognizedUtterance utterance, double seconds) => seconds == 0 ? utterance : utterance with
    {
        Words = Shift(utterance.Words, seconds),
        Alternatives = utterance.Alternatives.Select(a => a with { Words = Shift(a.Words, seconds) }).ToList(),
    };

    private static List<RecognizedWord> Shift(IReadOnlyList<RecognizedWord> words, double seconds) =>
        words.Select(w => w with { StartSeconds = w.StartSeconds + seconds, EndSeconds = w.EndSeconds + seconds }).ToList();
}
