using MedGrpc.Core.Options;

namespace MedGrpc.Service.Options;

/// <summary>
/// The host's keys of the "MedGrpc" section: which adapters the composition root picks (ServiceHost),
/// the callers' keys and the telemetry exporters. The core's keys are read by <see cref="MedGrpcOptions"/>.
/// </summary>
public sealed class ServiceOptions
{
    public const string Section = MedGrpcOptions.Section;

    /// <summary>Where jobs, vocabularies and tags live: "sqlite" (embedded, one replica) or "postgres" (shared by replicas).</summary>
    public string Store { get; set; } = StoreKinds.Sqlite;

    /// <summary>Where buckets live: "folder" (under the data dir) or "s3" (an S3-compatible service).</summary>
    public string Objects { get; set; } = ObjectKinds.Folder;

    public AuthOptions Auth { get; set; } = new();

    public MetricsOptions Metrics { get; set; } = new();

    public AwsApiOptions AwsApi { get; set; } = new();

    public TracingOptions Tracing { get; set; } = new();

    /// <summary>Which engine transcribes: "pocketsphinx" (the default: runs anywhere, nothing to download) or "whisper" (a ggml model file, GPU or spare CPU).</summary>
    public string Engine { get; set; } = EngineKinds.PocketSphinx;
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
