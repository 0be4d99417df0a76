using MedGrpc.Core.Transcripts;

namespace MedGrpc.Core.Streaming;

/// <summary>
/// One result of a live stream (AWS's MedicalResult): an utterance of one channel, partial until the pause that ends
/// it, then final and never changed again. Items and text are the batch transcript's, built by the same code.
/// </summary>
/// <param name="ChannelId">ch_0, ch_1 with channel identification; null otherwise.</param>
/// <param name="Entities">The PHI found, on final results with content identification.</param>
public sealed record StreamResult(
    string ResultId,
    double StartTime,
    double EndTime,
    bool IsPartial,
    string? ChannelId,
    string Transcript,
    IReadOnlyList<TranscriptItem> Items,
    IReadOnlyList<Entity> Entities);
