namespace MedGrpc.Storage.ScaleOut;

/// <summary>"MedGrpc:S3": buckets on an S3-compatible service (MedGrpc:Objects = s3).</summary>
public sealed class S3Options
{
    public const string Section = "MedGrpc:S3";

    /// <summary>The service's endpoint, e.g. "http://minio:9000"; empty means AWS itself in <see cref="MedGrpcOptions.Region"/>.</summary>
    public string ServiceUrl { get; set; } = "";

    public string AccessKey { get; set; } = "";

    public string SecretKey { get; set; } = "";

    /// <summary>Path-style addressing (http://host/bucket/key), which most self-hosted S3 servers need.</summary>
    public bool ForcePathStyle { get; set; } = true;

    /// <summary>How many times a failed S3 call is tried again (with exponential backoff) before the job fails.</summary>
    public int Retries { get; set; } = 4;
}
