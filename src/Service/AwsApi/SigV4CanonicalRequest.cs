using System.Security.Cryptography;
using System.Text;

namespace MedGrpc.Service.AwsApi;

/// <summary>
/// The canonical request of Signature Version 4, as the server received the request: method, URI, query, the signed
/// headers (lower-case name, value trimmed with inner runs of spaces made one, in the order SignedHeaders lists them),
/// the signed header names and the hex SHA-256 of the body as it arrived (not a hash the client claims).
/// </summary>
public static class SigV4CanonicalRequest
{
    public static string Of(HttpRequest request, SigV4Authorization authorization, ReadOnlySpan<byte> body)
    {
        var canonical = new StringBuilder(512);
        canonical.Append(request.Method).Append('\n');
        canonical.Append(CanonicalUri(request.Path)).Append('\n');
        canonical.Append(CanonicalQuery(request.Query)).Append('\n');
        foreach (var name in authorization.SignedHeaderNames)
            canonical.Append(name).Append(':').Append(CanonicalValue(string.Join(',', request.Headers[name].ToArray()))).Append('\n');
        canonical.Append('\n');
        canonical.Append(authorization.SignedHeaders).Append('\n');
        canonical.Append(Convert.ToHexStringLower(SHA256.HashData(body)));
        return canonical.ToString();
    }

    // Each segment URI-encoded twice, as SigV4 has every service but S3 do; the JSON protocol's path is "/".
    private static string CanonicalUri(PathString path) =>
        path.HasValue && path.Value != "/"
            ? string.Join('/', path.Value!.Split('/').Select(s => Uri.EscapeDataString(Uri.EscapeDataString(s))))
            : "/";

    private static string CanonicalQuery(IQueryCollection query) =>
        string.Join('&', query
            .SelectMany(p => p.Value.Select(v => (Name: Uri.EscapeDataString(p.Key), Value: Uri.EscapeDataString(v ?? ""))))
            .OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"{p.Name}={p.Value}"));

    private static string CanonicalValue(string value)
    {
        var trimmed = new StringBuilder(value.Length);
        foreach (var c in value.Trim())
            if (c != ' ' || trimmed.Length == 0 || trimmed[^1] != ' ') trimmed.Append(c);
        return trimmed.ToString();
    }
}
