using System.Text.Json.Serialization;

namespace MedGrpc.Core.Transcripts;

// The transcript object in AWS's JSON layout (docs/contract.md, "Transcript file layout"). Names are
// AWS's own: camelCase at the top and in entities, snake_case inside results. Absent parts are null
// and left out of the JSON.

public sealed record TranscriptDocument(
    [property: JsonPropertyName("jobName")] string JobName,
    [property: JsonPropertyName("accountId")] string AccountId,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("results")] TranscriptResults Results);

public sealed record TranscriptResults(
    [property: JsonPropertyName("transcripts")] IReadOnlyList<TranscriptText> Transcripts,
    [property: JsonPropertyName("items")] IReadOnlyList<TranscriptItem> Items)
{
    [JsonPropertyName("speaker_labels")]
    public SpeakerLabels? SpeakerLabels { get; init; }

    [JsonPropertyName("channel_labels")]
    public ChannelLabels? ChannelLabels { get; init; }

    [JsonPropertyName("segments")]
    public IReadOnlyList<AlternativeSegment>? Segments { get; init; }

    [JsonPropertyName("entities")]
    public IReadOnlyList<Entity>? Entities { get; init; }
}

public sealed record TranscriptText([property: JsonPropertyName("transcript")] string Transcript);

public sealed record TranscriptItem(
    [property: JsonPropertyName("start_time")] string? StartTime,
    [property: JsonPropertyName("end_time")] string? EndTime,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("alternatives")] IReadOnlyList<ItemAlternative> Alternatives)
{
    public const string Pronunciation = "pronunciation";
    public const string Punctuation = "punctuation";

    [JsonPropertyName("speaker_label")]
    public string? SpeakerLabel { get; init; }

    [JsonPropertyName("channel_label")]
    public string? ChannelLabel { get; init; }
}

public sealed record ItemAlternative(
    [property: JsonPropertyName("confidence")] string Confidence,
    [property: JsonPropertyName("content")] string Content);

public sealed record SpeakerLabels(
    [property: JsonPropertyName("speakers")] int Speakers,
    [property: JsonPropertyName("segments")] IReadOnlyList<SpeakerSegment> Segments);

public sealed record SpeakerSegment(
    [property: JsonPropertyName("start_time")] string StartTime,
    [property: JsonPropertyName("end_time")] string EndTime,
    [property: JsonPropertyName("speaker_label")] string SpeakerLabel,
    [property: JsonPropertyName("items")] IReadOnlyList<SpeakerItem> Items);

public sealed record SpeakerItem(
    [property: JsonPropertyName("start_time")] string StartTime,
    [property: JsonPropertyName("end_time")] string EndTime,
    [property: JsonPropertyName("speaker_label")] string SpeakerLabel);

public sealed record ChannelLabels(
    [property: JsonPropertyName("number_of_channels")] int NumberOfChannels,
    [property: JsonPropertyName("channels")] IReadOnlyList<ChannelTranscript> Channels);

public sealed record ChannelTranscript(
    [property: JsonPropertyName("channel_label")] string ChannelLabel,
    [property: JsonPropertyName("items")] IReadOnlyList<TranscriptItem> Items);

public sealed record AlternativeSegment(
    [property: JsonPropertyName("start_time")] string StartTime,
    [property: JsonPropertyName("end_time")] string EndTime,
    [property: JsonPropertyName("alternatives")] IReadOnlyList<SegmentAlternative> Alternatives);

public sealed record SegmentAlternative(
    [property: JsonPropertyName("transcript")] string Transcript,
    [property: JsonPropertyName("items")] IReadOnlyList<SegmentItem> Items);

/// <summary>
/// An item of an alternative transcription. AWS writes these flat, confidence and content beside the times, unlike
/// the items of results.items, which nest them in an alternatives array; parsers written for AWS read them so.
/// </summary>
public sealed record SegmentItem(
    [property: JsonPropertyName("start_time")] string? StartTime,
    [property: JsonPropertyName("end_time")] string? EndTime,
    [property: JsonPropertyName("confidence")] string Confidence,
    [property: JsonPropertyName("content")] string Content,
    [property: JsonPropertyName("type")] string Type)
{
    public static SegmentItem Of(TranscriptItem item) =>
        new(item.StartTime, item.EndTime, item.Alternatives[0].Confidence, item.Alternatives[0].Content, item.Type);
}

public sealed record Entity(
    [property: JsonPropertyName("content")] string Content,
    [property: JsonPropertyName("category")] string Category,
    [property: JsonPropertyName("startTime")] double StartTime,
    [property: JsonPropertyName("endTime")] double EndTime,
    [property: JsonPropertyName("confidence")] double Confidence);
