namespace MedGrpc.Cli;

/// <summary>s3://BUCKET/KEY, the way the service names objects of its buckets (TranscriptFileUri, PutObject's uri).</summary>
internal sealed record S3Uri(string Bucket, string Key)
{
    private const string Scheme = "s3://";

    public static bool TryParse(string uri, out S3Uri location)
    {
        location = new S3Uri("", "");
        if (!uri.StartsWith(Scheme, StringComparison.Ordinal)) return false;
        var rest = uri[Scheme.Length..];
        var slash = rest.IndexOf('/');
        if (slash <= 0 || slash == rest.Length - 1) return false;
        location = new S3Uri(rest[..slash], rest[(slash + 1)..]);
        return true;
    }

    public override string ToString() => $"{Scheme}{Bucket}/{Key}";
}
