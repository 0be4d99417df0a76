namespace MedGrpc.Engines.PocketSphinx;

/// <summary>A span decoded on its own: its words (times in the recording) and its best path's acoustic score (log, the decoder's base).</summary>
internal sealed record SpanDecode(IReadOnlyList<MedGrpc.Core.Ports.RecognizedWord> Words, long AcousticScore);
