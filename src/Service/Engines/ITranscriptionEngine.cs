namespace MedGrpc.Service.Engines;

/// <summary>
/// Turns speech into words. An engine sees only PCM (16 kHz, mono, signed 16-bit little-endian)
/// and knows nothing of jobs, buckets or JSON.
/// </summary>
public interface ITranscriptionEngine
{
    /// <param name="pcm">The audio, read to its end.</param>
    /// <param name="progress">Seconds of audio consumed so far.</param>
    Task<Recognition> RecognizeAsync(Stream pcm, IProgress<double>? progress, CancellationToken ct);
}

/// <summary>What an engine heard: utterances (stretches of speech between pauses) of timed words.</summary>
public sealed record Recognition(IReadOnlyList<RecognizedUtterance> Utterances)
{
    public IEnumerable<RecognizedWord> Words => Utterances.SelectMany(u => u.Words);
}

public sealed record RecognizedUtterance(IReadOnlyList<RecognizedWord> Words);

/// <summary>A word with its start and end in seconds from the start of the audio, and a confidence in [0, 1].</summary>
public sealed record RecognizedWord(string Text, double StartSeconds, double EndSeconds, double Confidence);
