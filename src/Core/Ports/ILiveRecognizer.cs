namespace MedGrpc.Core.Ports;

/// <summary>
/// Recognition while the audio arrives (live streams): PCM in as it comes (<see cref="Media.PcmFormat"/>, one channel),
/// what changed out. Not thread-safe: one stream's task feeds it. Disposing gives the engine its decoder back.
/// </summary>
public interface ILiveRecognizer : IDisposable
{
    /// <summary>Takes the next samples; returns the utterances they ended and the open utterance's words so far.</summary>
    LiveUpdate Accept(ReadOnlySpan<short> samples);

    /// <summary>The audio ended: the open utterance, if any, ends with it.</summary>
    LiveUpdate Finish();
}

/// <param name="Ended">Utterances closed by a pause (or the end), in order: final.</param>
/// <param name="Partial">The best words so far of the utterance still open; null when none is open.</param>
public sealed record LiveUpdate(IReadOnlyList<RecognizedUtterance> Ended, IReadOnlyList<RecognizedWord>? Partial)
{
    public static readonly LiveUpdate None = new([], null);
}
