using MedGrpc.Scoring;
using MedGrpc.Tests.Support;

namespace MedGrpc.Tests.Scoring;

/// <summary>
/// The tuning/held-out split of the development set (bench/MedGrpc.Scoring/DevelopmentHalves.txt) covers the manifest
/// and the real recordings of testdata/real-speech, and keeps the halves comparable: a gap between them should come
/// from tuning, not from one half holding other material.
/// </summary>
public sealed class DevelopmentHalvesTests
{
    private static readonly IReadOnlyList<ManifestItem> Items =
    [
        .. Manifest.Load(Path.Combine(SpeechSet.Root, "manifest.jsonl")),
        .. Manifest.Load(Path.Combine(Path.GetDirectoryName(SpeechSet.Root)!, "real-speech", "manifest.jsonl")),
    ];

    private static string Group(ManifestItem i) => i.Variant.Length > 0 ? $"{i.Type}/{i.Variant}" : i.Type;

    [Fact]
    public void Every_item_of_both_manifests_is_in_exactly_one_half_and_the_split_names_no_other() =>
        Assert.Equal(Items.Select(i => i.Id).Order(StringComparer.Ordinal), DevelopmentHalves.All.Keys.Order(StringComparer.Ordinal));

    [Fact]
    public void Both_files_of_a_conversation_are_in_the_same_half()
    {
        // The 2-channel file and the mono mix share one text: split apart, the held-out half would hold tuned words.
        var byConversation = Items.Where(i => i.Type == "CONVERSATION").GroupBy(i => i.Id[..i.Id.LastIndexOf('-')]);
        foreach (var conversation in byConversation)
            Assert.Single(conversation.Select(i => DevelopmentHalves.Of(i.Id)).Distinct());
    }

    [Fact]
    public void Every_group_has_items_and_about_as_many_reference_words_in_each_half()
    {
        foreach (var group in Items.GroupBy(Group))
        {
            int Words(DevelopmentHalf half) => group.Where(i => DevelopmentHalves.Of(i.Id) == half).Sum(i => i.Reference.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
            var (tune, heldOut) = (Words(DevelopmentHalf.Tune), Words(DevelopmentHalf.HeldOut));
            Assert.True(tune > 0 && heldOut > 0, $"{group.Key}: {tune} words to tune on, {heldOut} held out");
            Assert.True(Math.Abs(tune - heldOut) <= 0.1 * (tune + heldOut), $"{group.Key}: {tune} words to tune on, {heldOut} held out");
        }
    }

    [Fact]
    public void Lines_that_are_not_an_id_and_a_half_are_refused()
    {
        Assert.Throws<FormatException>(() => DevelopmentHalves.Parse(["dev-dict-01 maybe"]));
        Assert.Throws<FormatException>(() => DevelopmentHalves.Parse(["dev-dict-01 tune", "dev-dict-01 held-out"]));
        Assert.Equal(DevelopmentHalf.HeldOut, DevelopmentHalves.Parse(["# a comment", "", "dev-dict-01 held-out"])["dev-dict-01"]);
    }

    [Fact]
    public void The_report_pools_counts_per_half_and_gives_the_gap_in_points()
    {
        // Two dictations, one per half: 2 errors in 10 words to tune on, 3 in 10 held out → a gap of +10.0 points.
        ItemScore Row(string id, int errors) => new()
        {
            Id = id, Type = "DICTATION", Variant = "", ExpectFailure = false, Missing = false, RefWords = 10, HypWords = 10,
            Edits = new EditCounts(errors, 0, 0), HypSource = "transcript", Terms = new TermCounts(1, 2, ["x"]),
        };
        var tuneId = DevelopmentHalves.All.First(p => p.Value == DevelopmentHalf.Tune && p.Key.Contains("dict")).Key;
        var heldId = DevelopmentHalves.All.First(p => p.Value == DevelopmentHalf.HeldOut && p.Key.Contains("dict")).Key;
        var summary = SpeechSetScorer.Summarize([Row(tuneId, 2), Row(heldId, 3)]);

        var report = HalfReport.Table(summary, baseline: null);

        Assert.Contains(report.Split('\n'), line => line.StartsWith("tune ", StringComparison.Ordinal) && line.Contains("DICTATION") && line.Contains("  20.0") && line.Contains("1/2"));
        Assert.Contains(report.Split('\n'), line => line.StartsWith("DICTATION", StringComparison.Ordinal) && line.Contains("10.0"));
    }
}
