using System.Collections.Concurrent;

namespace MedGrpc.Bench.Fuzz;

/// <summary>
/// What the generated requests refer to: small pools of job, vocabulary and object names (so that Gets, Deletes, Tags
/// and Watches meet real resources), the objects the bench put in the service's buckets, the NextTokens the Lists
/// handed out. Accepted Starts and vocabulary creations are capped: past the cap, a "valid" request names media that
/// doesn't exist and is refused, so that recognition never dominates the machine the requests are measured on.
/// </summary>
public sealed class FuzzWorld(int maxAcceptedJobs, int maxAcceptedVocabularies)
{
    public const string MediaBucket = "fuzz-media";
    public const string OutputBucket = "fuzz-out";
    public const string AccountId = "000000000000";
    public const string Region = "us-east-1";

    private readonly ConcurrentQueue<string> _tokens = new();
    private int _acceptedJobs;
    private int _acceptedVocabularies;

    public int AcceptedJobs => Volatile.Read(ref _acceptedJobs);
    public int AcceptedVocabularies => Volatile.Read(ref _acceptedVocabularies);

    public string JobName(Random random) => $"fuzz-job-{random.Next(30)}";

    public string VocabularyName(Random random) => $"fuzz-vocab-{random.Next(8)}";

    /// <summary>Half a second of real audio or bytes no decoder reads (the job fails at the probe), until the cap.</summary>
    public string MediaUri(Random random) => AcceptedJobs < maxAcceptedJobs
        ? random.Next(4) == 0 ? $"s3://{MediaBucket}/tiny.wav" : $"s3://{MediaBucket}/not-audio.wav"
        : $"s3://{MediaBucket}/missing-{random.Next(1000)}.wav";

    public string VocabularyFileUri(Random random) => AcceptedVocabularies < maxAcceptedVocabularies
        ? $"s3://{MediaBucket}/vocabulary.txt"
        : $"s3://{MediaBucket}/missing-vocabulary-{random.Next(1000)}.txt";

    public string ObjectKey(Random random) => random.Next(3) == 0 ? "tiny.wav" : $"fuzz/{random.Next(10)}.bin";

    public string Arn(Random random) => random.Next(2) == 0
        ? $"arn:aws:transcribe:{Region}:{AccountId}:medical-transcription-job/{JobName(random)}"
        : $"arn:aws:transcribe:{Region}:{AccountId}:medical-vocabulary/{VocabularyName(random)}";

    /// <summary>A NextToken a List handed out earlier (any List's: one of another scope must be refused), else a made-up one.</summary>
    public string NextToken(Random random) =>
        _tokens.TryPeek(out var token) && random.Next(4) != 0 ? _tokens.ElementAt(random.Next(Math.Min(_tokens.Count, 32))) : "bm90LWEtdG9rZW4";

    public void TokenIssued(string token)
    {
        _tokens.Enqueue(token);
        while (_tokens.Count > 32) _tokens.TryDequeue(out _);
    }

    public void JobAccepted() => Interlocked.Increment(ref _acceptedJobs);

    public void VocabularyAccepted() => Interlocked.Increment(ref _acceptedVocabularies);

    /// <summary>A vocabulary table the service accepts (docs/vocabularies.md): ordinary clinical words, none from the speech set.</summary>
    public const string VocabularyTable = "Phrase\tIPA\tSoundsLike\tDisplayAs\nbradycardia\t\t\tbradycardia\nhemoglobin\t\t\t\nA.B.C.\t\t\tABC\n";
}
