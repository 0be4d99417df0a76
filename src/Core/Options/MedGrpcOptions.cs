namespace MedGrpc.Core.Options;

/// <summary>
/// The "MedGrpc" configuration section as the core reads it. The host and each adapter bind their
/// own keys of the same section into options of their own (ServiceOptions, PostgresOptions,
/// S3Options, PocketSphinxOptions, WhisperOptions): one section, one owner per key.
/// </summary>
public sealed class MedGrpcOptions
{
    public const string Section = "MedGrpc";

    /// <summary>Holds everything the service keeps: jobs.db and the buckets/ folder.</summary>
    public string DataDir { get; set; } = "./data";

    /// <summary>How many jobs are in progress at once; 0 means one per core. May exceed <see cref="Decoders"/>: jobs then share them.</summary>
    public int Workers { get; set; }

    /// <summary>
    /// How many decoders may recognise at once, for every job together (the engine's capacity, <c>DecoderPool</c>); 0 means one per core.
    /// </summary>
    public int Decoders { get; set; }

    /// <summary>
    /// How many pieces of one recording are recognised at once, its channels included; 0, the default, means one per core;
    /// 1: the recording goes whole to one decoder, as before recordings were split. PocketSphinx's pieces are cut at its own
    /// utterance boundaries, so they cost no WER (23.6 minutes measured: 13.44 % in pieces, 13.84 % whole; docs/benchmarks.md,
    /// "Long recordings").
    /// </summary>
    public int JobParallelism { get; set; }

    /// <summary>
    /// On SIGTERM, how long running jobs may go on to finish before they are handed back unfinished
    /// (another replica, or this one's next start, runs them). Keep it under the orchestrator's kill timeout.
    /// </summary>
    public double ShutdownGraceSeconds { get; set; } = 20;

    /// <summary>
    /// How often vocabularies PENDING for longer than this are read again: the replica that was reading
    /// one may have died. Reading a file takes seconds, so a minute never doubles a live read.
    /// </summary>
    public double PendingVocabularySweepSeconds { get; set; } = 60;

    /// <summary>The account of callers when no API keys are configured, and of records from before accounts.</summary>
    public string AccountId { get; set; } = "000000000000";

    public string Region { get; set; } = "us-east-1";

    /// <summary>
    /// The key that signs List NextTokens, base64 of at least 32 bytes; every replica must have the same. Empty: a random
    /// key made once and kept in the job store (SQLite or PostgreSQL), which every replica and restart shares.
    /// </summary>
    public string PageTokenKey { get; set; } = "";

    public LimitsOptions Limits { get; set; } = new();

    public EncryptionOptions Encryption { get; set; } = new();

    public int EffectiveWorkers => Workers > 0 ? Workers : Environment.ProcessorCount;

    public int EffectiveDecoders => Decoders > 0 ? Decoders : Environment.ProcessorCount;

    public int EffectiveJobParallelism => JobParallelism > 0 ? JobParallelism : Environment.ProcessorCount;

    public string BucketsDir => Path.Combine(Path.GetFullPath(DataDir), "buckets");
}
