namespace MedGrpc.Core.Media;

/// <summary>
/// Follows one recording as it streams, the way the engine would hear it whole but without recognising it (for
/// PocketSphinx: its front end and voice-activity detection only, a few milliseconds per second of audio), and notes
/// the utterance boundaries it would meet: where <see cref="PauseChunker"/> cuts when one lies in a piece's range.
/// </summary>
public interface IUtteranceBoundaries : IDisposable
{
    /// <summary>The recording's next PCM, in order, every byte once; returns the boundaries met in it (usually none).</summary>
    IReadOnlyList<UtteranceBoundary> Follow(ReadOnlySpan<byte> pcm);
}
