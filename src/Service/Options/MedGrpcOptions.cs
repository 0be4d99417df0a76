namespace MedGrpc.Service.Options;

/// <summary>The "MedGrpc" configuration section.</summary>
public sealed class MedGrpcOptions
{
    public const string Section = "MedGrpc";

    /// <summary>Holds everything the service keeps: jobs.db and the buckets/ folder.</summary>
    public string DataDir { get; set; } = "./data";

    /// <summary>How many jobs run at once; 0 means one per core.</summary>
    public int Workers { get; set; }

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

    /// <summary>Where jobs, vocabularies and tags live: "sqlite" (embedded, one replica) or "postgres" (shared by replicas).</summary>
    public string Store { get; set; } = StoreKinds.Sqlite;

    /// <summary>Where buckets live: "folder" (under the data dir) or "s3" (an S3-compatible service).</summary>
    public string Objects { get; set; } = ObjectKinds.Folder;

    public LimitsOptions Limits { get; set; } = new();

    public AuthOptions Auth { get; set; } = new();

    public EncryptionOptions Encryption { get; set; } = new();

    public PostgresOptions Postgres { get; set; } = new();

    public S3Options S3 { get; set; } = new();

    public MetricsOptions Metrics { get; set; } = new();

    public TracingOptions Tracing { get; set; } = new();

    /// <summary>Which engine transcribes: "pocketsphinx" (the default: runs anywhere, nothing to download) or "whisper" (a ggml model file, GPU or spare CPU).</summary>
    public string Engine { get; set; } = EngineKinds.PocketSphinx;

    public PocketSphinxOptions PocketSphinx { get; set; } = new();

    public WhisperOptions Whisper { get; set; } = new();

    public int EffectiveWorkers => Workers > 0 ? Workers : Environment.ProcessorCount;

    public string BucketsDir => Path.Combine(Path.GetFullPath(DataDir), "buckets");
}

public static class StoreKinds
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";
}

public static class EngineKinds
{
    public const string PocketSphinx = "pocketsphinx";
    public const string Whisper = "whisper";
}

public static class ObjectKinds
{
    public const string Folder = "folder";
    public const string S3 = "s3";
}

public sealed class PocketSphinxOptions
{
    /// <summary>Folder of Debian's pocketsphinx-en-us model: the acoustic model and the general English language model.</summary>
    public string ModelDir { get; set; } = "/usr/share/pocketsphinx/model/en-us";

    /// <summary>
    /// Folder of the medical language model and dictionary that scripts/build-medical-model.sh builds
    /// (copied beside the service at build time); relative paths are from the service's own folder.
    /// Empty: general English only.
    /// </summary>
    public string MedicalModelDir { get; set; } = "models/medical";

    /// <summary>The medical model's share when it is interpolated with the general one (0–1).</summary>
    public double MedicalWeight { get; set; } = 0.8;

    /// <summary>
    /// PocketSphinx's second, flat-lexicon search pass (-fwdflat). Off by default: with the medical model it
    /// costs about a tenth of the decoding time and, measured on the development set, gains no accuracy.
    /// </summary>
    public bool SecondPass { get; set; }

    /// <summary>More PocketSphinx decoder arguments, space separated (e.g. "-maxhmmpf 10000"): the search's speed and accuracy knobs.</summary>
    public string Arguments { get; set; } = "";

    /// <summary>A custom vocabulary word's unigram probability, as a multiple of the uniform one (1/words).</summary>
    public double VocabularyWeight { get; set; } = 10;

    /// <summary>Decoders of recently used vocabularies kept loaded while idle (each holds a model, about 100 MB).</summary>
    public int IdleVocabularyDecoders { get; set; } = 2;

    public string? MedicalModelPath => string.IsNullOrEmpty(MedicalModelDir)
        ? null
        : Path.GetFullPath(MedicalModelDir, AppContext.BaseDirectory);

    /// <summary>The pronunciation dictionary the decoder loads: the medical one (CMU plus medical words), or CMU's alone.</summary>
    public string DictionaryPath => MedicalModelPath is { } medical
        ? Path.Combine(medical, "medical.dict")
        : Path.Combine(ModelDir, "cmudict-en-us.dict");
}
