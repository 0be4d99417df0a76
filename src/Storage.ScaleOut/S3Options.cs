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

    /// <summary>
    /// How many times a failed S3 call is tried again (with exponential backoff from 0.2 s) before the job fails. Eight is
    /// about 50 s of trying: an S3 service restarted (an upgrade, a crash) is ridden out, where four (3 s) failed the jobs
    /// whose media or transcript met the restart of a loaded s3rver in the chaos bench.
    /// </summary>
    public int Retries { get; set; } = 8;
}
