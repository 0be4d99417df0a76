using MedGrpc.Scoring;

namespace MedGrpc.Bench;

/// <summary>Scores a folder of AWS-format transcripts with the project's scorer (bench/MedGrpc.Scoring).</summary>
public static class Scorer
{
    public sealed record ItemScore(string Id, double? Wer, double? TermRecall);

    public static async Task<(IReadOnlyDictionary<string, ItemScore> Items, double Wer, double? TermRecall, ScoreSummary Summary)> ScoreAsync(string speechDir, string hypDir)
    {
        // Items without a transcript are left out, and the full figures are kept beside the transcripts.
        var summary = SpeechSetScorer.Score(Path.Combine(speechDir, "manifest.jsonl"), hypDir, new ScoreOptions { SkipMissing = true });
        await File.WriteAllTextAsync(Path.Combine(hypDir, "_scores.json"), Report.FullJson(summary));
        var items = summary.Items.Select(i => new ItemScore(i.Id, i.Wer, i.Terms.Recall)).ToDictionary(i => i.Id);
        return (items, summary.Overall.Wer ?? double.NaN, summary.Overall.TermRecall, summary);
    }
}
