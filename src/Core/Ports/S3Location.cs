namespace MedGrpc.Core.Ports;

/// <summary>An object in a bucket, as named by s3://BUCKET/KEY.</summary>
public sealed record S3Location(string Bucket, string Key)
{
    public const string Scheme = "s3://";

    public override string ToString() => $"{Scheme}{Bucket}/{Key}";

    public static bool TryParse(string uri, out S3Location location)
    {
        location = new S3Location("", "");
        if (!uri.StartsWith(Scheme, StringComparison.Ordinal)) return false;
        var rest = uri[Scheme.Length..];
        var slash = rest.IndexOf('/');
        if (slash <= 0 || slash == rest.Length - 1) return false;
        location = new S3Location(rest[..slash], rest[(slash + 1)..]);
        return true;
    }

    /// <summary>An s3:// URI of an object that stays inside its bucket (a safe bucket name and key).</summary>
    public static bool TryParseObject(string uri, out S3Location location) =>
        TryParse(uri, out location) && ObjectKeys.Problem(location.Key) is null && ObjectKeys.IsSafeBucketName(location.Bucket);
}
