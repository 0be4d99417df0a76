using MedGrpc.Core.Media;

namespace MedGrpc.Core.Ports;

/// <summary>
/// Turns speech into words. An engine sees only PCM (16 kHz, mono, signed 16-bit little-endian)
/// and knows nothing of jobs, buckets or JSON.
/// </summary>
public interface ITranscriptionEngine
{
    /// <param name="pcm">The audio, read to its end.</param>
    /// <param name="options">What to produce beyond the best words.</param>
    /// <param name="progress">Seconds of audio consumed so far.</param>
    Task<Recognition> RecognizeAsync(Stream pcm, RecognitionOptions options, IProgress<double>? progress, CancellationToken ct);

    /// <summary>How long the pieces of a recording cut at pauses should be for this engine (MedGrpc:JobParallelism above 1).</summary>
    ChunkLengths Chunking => ChunkLengths.Default;

    /// <summary>
    /// A follower of one recording's utterance boundaries (the recording is then cut at them, where the engine would
    /// start afresh anyway), or null when the engine notes none: the recording is cut at pauses.
    /// </summary>
    IUtteranceBoundaries? FollowUtterances() => null;

    /// <summary>Loads the model before the first job needs it; the health service says NOT_SERVING until it has.</summary>
    Task WarmUpAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>
    /// A recognizer for a live stream, holding one of the engine's decoders until disposed (it may take a moment to
    /// load one); null when the engine can't recognise incrementally (Whisper).
    /// </summary>
    ILiveRecognizer? StartLive(RecognitionOptions options) => null;
}

/// <param name="MaxAlternatives">Hypotheses wanted per utterance, the best included; 1 or less: the best only.</param>
/// <param name="Vocabulary">A custom vocabulary's phrases to recognise, or null.</param>
public sealed record RecognitionOptions(int MaxAlternatives = 1, RecognitionVocabulary? Vocabulary = null)
{
    /// <summary>
    /// When the audio is a piece of a longer recording: the PCM just before it, for the engine to settle its
    /// normalisation on as if it had heard the recording from the start; never transcribed. Empty for a whole recording.
    /// </summary>
    public ReadOnlyMemory<byte> PrecedingAudio { get; init; }

    /// <summary>
    /// When the piece starts at an utterance boundary the engine's follower noted: what the engine carries across
    /// it (<see cref="UtteranceBoundary.Carried"/>), to start the piece with. Null otherwise.
    /// </summary>
    public object? Carried { get; init; }

    public static readonly RecognitionOptions BestOnly = new();
}

/// <summary>What an engine heard: utterances (stretches of speech between pauses) of timed words.</summary>
public sealed record Recognition(IReadOnlyList<RecognizedUtterance> Utterances)
{
    /// <summary>CPU time the engine spent on it, where the engine can tell; 0 otherwise.</summary>
    public double CpuSeconds { get; init; }

    public IEnumerable<RecognizedWord> Words => Utterances.SelectMany(u => u.Words);
}

/// <summary>A stretch of speech between pauses: its best words and, when asked for, other distinct hypotheses, next best first.</summary>
public sealed record RecognizedUtterance(IReadOnlyList<RecognizedWord> Words)
{
    public IReadOnlyList<RecognizedHypothesis> Alternatives { get; init; } = [];

    /// <summary>
    /// The engine wrote punctuation and capitals itself (Whisper): the transcript keeps its marks
    /// (each word's <see cref="RecognizedWord.Punctuation"/>) and its casing instead of making the
    /// utterance one sentence with a capital and a full stop.
    /// </summary>
    public bool Punctuated { get; init; }
}

/// <summary>Another reading of an utterance; Confidence is its share of the hypotheses' probability.</summary>
public sealed record RecognizedHypothesis(IReadOnlyList<RecognizedWord> Words, double Confidence);

/// <summary>A word with its start and end in seconds from the start of the audio, and a confidence in [0, 1].</summary>
public sealed record RecognizedWord(string Text, double StartSeconds, double EndSeconds, double Confidence)
{
    /// <summary>The punctuation the engine wrote right after the word (",", ".", "?"…), or null.</summary>
    public string? Punctuation { get; init; }
}
