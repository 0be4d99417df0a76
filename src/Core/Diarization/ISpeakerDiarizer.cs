using MedGrpc.Core.Ports;

namespace MedGrpc.Core.Diarization;

/// <summary>
/// Finds who spoke when in single-channel audio. A classical implementation lives here today;
/// a neural diarizer can replace it behind this interface.
/// </summary>
public interface ISpeakerDiarizer
{
    /// <param name="features">Acoustic features of the whole recording.</param>
    /// <param name="recognition">The words heard, which mark where there is speech.</param>
    /// <param name="maxSpeakers">At most this many speakers; more real speakers merge.</param>
    /// <returns>Speaker turns in time order; speakers numbered from 0 in order of first appearance.</returns>
    IReadOnlyList<SpeakerTurn> Diarize(AcousticFeatures features, Recognition recognition, int maxSpeakers);
}

/// <summary>A stretch of speech by one speaker, in seconds.</summary>
public sealed record SpeakerTurn(double Start, double End, int Speaker);
