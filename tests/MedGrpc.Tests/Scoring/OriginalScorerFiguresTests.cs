using System.Text.Json;
using MedGrpc.Scoring;
using MedGrpc.Tests.Support;

namespace MedGrpc.Tests.Scoring;

/// <summary>
/// The C# scorer against the figures the speech set's original scorer (score.py) printed for the hypotheses in
/// Fixture/ (real service transcripts and perturbed references; see Fixture/README.md): every percentage per item,
/// per group and overall within 0.1 point, and the counts exactly.
/// </summary>
public sealed class OriginalScorerFiguresTests
{
    private const double Tolerance = 0.1;   // points
    private static readonly string FixtureDir = Path.Combine(AppContext.BaseDirectory, "Scoring", "Fixture");
    private static readonly JsonElement Expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(FixtureDir, "expected.json"))).RootElement;

    public static TheoryData<string> Cases() => [.. Expected.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("name").GetString()!)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Figures_are_those_of_the_original_scorer(string name)
    {
        var testCase = Expected.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);
        var failing = Strings(testCase, "expect_failure_ids");
        var manifest = Manifest.Load(Path.Combine(SpeechSet.Root, "manifest.jsonl"))
            .Select(i => failing.Contains(i.Id) ? i with { ExpectFailure = true } : i).ToList();
        var summary = SpeechSetScorer.Score(manifest, Path.Combine(FixtureDir, testCase.GetProperty("hyp_dir").GetString()!), new ScoreOptions
        {
            SkipMissing = Flag(testCase, "skip_missing"),
            IncludeExpectedFailures = Flag(testCase, "include_expected_failures"),
            Types = Strings(testCase, "types"),
        });
        var expected = testCase.GetProperty("result");

        var expectedItems = expected.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(expectedItems.Select(i => i.GetProperty("id").GetString()), summary.Items.Select(i => i.Id));
        foreach (var (want, got) in expectedItems.Zip(summary.Items))
        {
            Assert.Equal(want.GetProperty("ref_words").GetInt32(), got.RefWords);
            Assert.Equal(want.GetProperty("missing").GetBoolean(), got.Missing);
            Close(want, "wer", got.Wer, got.Id);
            Close(want, "term_recall", got.Terms.Recall, got.Id);
            Close(want, "diar_confusion", got.Diarization?.Confusion, got.Id);
            Close(want, "diar_missed", got.Diarization?.Missed, got.Id);
            Close(want, "channel_acc", got.Channel?.Accuracy, got.Id);
            Close(want, "wer_ch", got.ChannelWer, got.Id);
        }

        var groups = new[] { ("OVERALL", expected.GetProperty("overall")) }
            .Concat(expected.GetProperty("by_type").EnumerateObject().Select(g => (g.Name, g.Value))).ToList();
        Assert.Equal(groups.Skip(1).Select(g => g.Item1), summary.Groups.Keys);
        foreach (var (group, want) in groups)
        {
            var got = group == "OVERALL" ? summary.Overall : summary.Groups[group];
            Assert.Equal(want.GetProperty("items").GetInt32(), got.Items);
            Assert.Equal(want.GetProperty("missing").GetInt32(), got.Missing);
            Assert.Equal(want.GetProperty("ref_words").GetInt32(), got.RefWords);
            Close(want, "wer", got.Wer, group);
            Close(want, "wer_item_mean", got.WerItemMean, group);
            Close(want, "term_recall", got.TermRecall, group);
            Close(want, "diar_confusion_mean", got.DiarConfusionMean, group);
            Close(want, "diar_missed_mean", got.DiarMissedMean, group);
            Close(want, "channel_acc_mean", got.ChannelAccMean, group);
            Close(want, "wer_ch_mean", got.WerChMean, group);
        }
    }

    [Fact]
    public void The_fixture_exercises_speaker_labels_channel_labels_and_missing_files()
    {
        var results = Expected.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("result")).ToList();
        var items = results.SelectMany(r => r.GetProperty("items").EnumerateArray()).ToList();
        Assert.Contains(items, i => i.TryGetProperty("diar_confusion", out var d) && d.GetDouble() > 0);
        Assert.Contains(items, i => i.TryGetProperty("diar_missed", out var d) && d.GetDouble() > 0);
        Assert.Contains(items, i => i.TryGetProperty("channel_acc", out var a) && a.GetDouble() < 1);
        Assert.Contains(items, i => i.GetProperty("missing").GetBoolean());
        Assert.Contains(results, r => r.GetProperty("expected_failures").GetArrayLength() > 0);
    }

    // Both absent (null), or both present and within the tolerance, in points.
    private static void Close(JsonElement expected, string name, double? actual, string where)
    {
        double? want = expected.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
        Assert.True(want.HasValue == actual.HasValue, $"{where} {name}: expected {want?.ToString() ?? "none"}, got {actual?.ToString() ?? "none"}");
        if (want is { } w && actual is { } a)
            Assert.True(Math.Abs(100 * (w - a)) <= Tolerance, $"{where} {name}: expected {100 * w:F3}%, got {100 * a:F3}%");
    }

    private static bool Flag(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;

    private static List<string> Strings(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) ? [.. v.EnumerateArray().Select(s => s.GetString()!)] : [];
}
