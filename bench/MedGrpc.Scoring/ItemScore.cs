namespace MedGrpc.Scoring;

/// <summary>
/// The figures of one item. Diarization, channel accuracy and channel WER are null when the item or the
/// hypothesis has nothing to score them on.
/// </summary>
public sealed record ItemScore
{
    public required string Id { get; init; }
    public required string Type { get; init; }
    public required string Variant { get; init; }
    public required bool ExpectFailure { get; init; }
    /// <summary>No hypothesis file: scored as an empty transcript.</summary>
    public required bool Missing { get; init; }
    public required int RefWords { get; init; }
    public required int HypWords { get; init; }
    public required EditCounts Edits { get; init; }
    public double? Wer => RefWords == 0 ? null : (double)Edits.Errors / RefWords;
    /// <summary>"transcript", "channel_items" (channel words merged by time) or "missing".</summary>
    public required string HypSource { get; init; }
    public required TermCounts Terms { get; init; }
    public DiarizationScore? Diarization { get; init; }
    public ChannelAccuracyScore? Channel { get; init; }
    /// <summary>Whether channel WER was computed (2-channel item with channel labels), even if it came out null.</summary>
    public bool ChannelWerScored { get; init; }
    public double? ChannelWer { get; init; }
}
