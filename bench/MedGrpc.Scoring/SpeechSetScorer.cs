namespace MedGrpc.Scoring;

/// <summary>Which items to score and how.</summary>
public sealed record ScoreOptions
{
    /// <summary>Count items with expect_failure=true in the aggregates too (they are always listed).</summary>
    public bool IncludeExpectedFailures { get; init; }
    /// <summary>Only items of these types (DICTATION, CONVERSATION, REAL); null or empty: all.</summary>
    public IReadOnlyCollection<string>? Types { get; init; }
    /// <summary>Leave out items with no hypothesis file, instead of scoring them as empty transcripts (WER 100%).</summary>
    public bool SkipMissing { get; init; }
}

/// <summary>Every item's figures, the overall aggregate, and one per type and per type/variant ("CONVERSATION/2ch").</summary>
public sealed record ScoreSummary(IReadOnlyList<ItemScore> Items, Aggregate Overall, IReadOnlyDictionary<string, Aggregate> Groups)
{
    public IEnumerable<ItemScore> ExpectedFailures => Items.Where(i => i.ExpectFailure);
}

/// <summary>Scores a folder of &lt;id&gt;.json transcripts against the speech set's manifest.</summary>
public static class SpeechSetScorer
{
    public static ScoreSummary Score(string manifestPath, string hypDir, ScoreOptions? options = null) =>
        Score(Manifest.Load(manifestPath), hypDir, options);

    public static ScoreSummary Score(IReadOnlyList<ManifestItem> manifest, string hypDir, ScoreOptions? options = null)
    {
        options ??= new ScoreOptions();
        var rows = new List<ItemScore>();
        foreach (var item in manifest)
        {
            if (options.Types is { Count: > 0 } types && !types.Contains(item.Type)) continue;
            var path = Path.Combine(hypDir, item.Id + ".json");
            var exists = File.Exists(path);
            if (options.SkipMissing && !exists) continue;
            rows.Add(ItemScorer.Score(item, exists ? Hypothesis.Load(path) : null));
        }
        return Summarize(rows, options.IncludeExpectedFailures);
    }

    public static ScoreSummary Summarize(IReadOnlyList<ItemScore> rows, bool includeExpectedFailures = false)
    {
        var scored = rows.Where(r => includeExpectedFailures || !r.ExpectFailure).ToList();
        // Types first, then type/variant groups, each sorted by ordinal (the order of the JSON summary).
        var groups = new Dictionary<string, Aggregate>();
        foreach (var type in scored.Select(r => r.Type).Distinct().Order(StringComparer.Ordinal))
            groups[type] = Aggregate.Of(scored.Where(r => r.Type == type).ToList());
        foreach (var group in scored.Where(r => r.Variant.Length > 0).GroupBy(r => r.Type + "/" + r.Variant).OrderBy(g => g.Key, StringComparer.Ordinal))
            groups[group.Key] = Aggregate.Of(group.ToList());
        return new ScoreSummary(rows, Aggregate.Of(scored), groups);
    }
}
