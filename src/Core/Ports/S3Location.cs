using System.Text.RegularExpressions;

namespace MedGrpc.Core.Ports;

/// <summary>
/// An object in a bucket, as named by s3://BUCKET/KEY, and the one rule by which a request's object URL (a job's media,
/// a vocabulary's file) names an object of the service's buckets (docs/contract.md, "Object URLs").
/// </summary>
public sealed partial record S3Location(string Bucket, string Key)
{
    public const string Scheme = "s3://";

    // AWS S3's own path-style host names: the global one and the regional ones (s3.us-east-1.amazonaws.com).
    [GeneratedRegex(@"^s3(\.[a-z0-9-]+)?\.amazonaws\.com$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AwsS3Host();

    public override string ToString() => $"{Scheme}{Bucket}/{Key}";

    public static bool TryParse(string uri, out S3Location location)
    {
        location = new S3Location("", "");
        if (!uri.StartsWith(Scheme, StringComparison.Ordinal)) return false;
        return TrySplit(uri[Scheme.Length..], out location);
    }

    /// <summary>An s3:// URI of an object that stays inside its bucket (a safe bucket name and key).</summary>
    public static bool TryParseObject(string uri, out S3Location location) =>
        TryParse(uri, out location) && IsSafe(location);

    /// <summary>
    /// Whether the URI points at the service's object store at all: s3://, or an http(s) URL of the store's endpoint
    /// (same scheme, host and port as configured) or of AWS S3's path-style hosts (s3.amazonaws.com,
    /// s3.REGION.amazonaws.com). A URL of any other host is not the store's, and the service fetches none for it.
    /// </summary>
    public static bool NamesObjectStore(string uri, Uri? storeEndpoint) =>
        uri.StartsWith(Scheme, StringComparison.Ordinal) || StorePath(uri, storeEndpoint) is not null;

    /// <summary>
    /// The object a URI of the object store names (see <see cref="NamesObjectStore"/>): s3://BUCKET/KEY, or a path-style
    /// URL …/BUCKET/KEY (percent-decoded, no query), inside its bucket. False for anything else.
    /// </summary>
    public static bool TryParseObject(string uri, Uri? storeEndpoint, out S3Location location)
    {
        if (uri.StartsWith(Scheme, StringComparison.Ordinal)) return TryParseObject(uri, out location);
        location = new S3Location("", "");
        return StorePath(uri, storeEndpoint) is { } path && TrySplit(Uri.UnescapeDataString(path), out location) && IsSafe(location);
    }

    /// <summary>The path after the store's endpoint of a URL of the store, as written (not normalised); null for other URLs.</summary>
    private static string? StorePath(string uri, Uri? storeEndpoint)
    {
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)) return null;
        // The raw path: Uri would resolve "/../" itself, and a key that climbs must be refused, not followed.
        var authorityEnd = uri.IndexOf('/', uri.IndexOf("://", StringComparison.Ordinal) + 3);
        if (authorityEnd < 0) return null;
        var path = uri[authorityEnd..];
        string? objectPath;
        if (AwsS3Host().IsMatch(url.Host) && url.IsDefaultPort) objectPath = path[1..];
        else if (storeEndpoint is null || !IsSameOrigin(url, storeEndpoint)) return null;
        else
        {
            var prefix = storeEndpoint.AbsolutePath.TrimEnd('/') + "/";
            if (!path.StartsWith(prefix, StringComparison.Ordinal)) return null;
            objectPath = path[prefix.Length..];
        }
        // The store's, but a query (a version, a signature) or fragment names no object the service reads.
        return objectPath.IndexOfAny(['?', '#']) >= 0 ? "" : objectPath;
    }

    private static bool IsSameOrigin(Uri url, Uri endpoint) =>
        string.Equals(url.Scheme, endpoint.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(url.Host, endpoint.Host, StringComparison.OrdinalIgnoreCase)
        && url.Port == endpoint.Port;

    private static bool TrySplit(string bucketAndKey, out S3Location location)
    {
        location = new S3Location("", "");
        var slash = bucketAndKey.IndexOf('/');
        if (slash <= 0 || slash == bucketAndKey.Length - 1) return false;
        location = new S3Location(bucketAndKey[..slash], bucketAndKey[(slash + 1)..]);
        return true;
    }

    private static bool IsSafe(S3Location location) => ObjectKeys.Problem(location.Key) is null && ObjectKeys.IsSafeBucketName(location.Bucket);
}
