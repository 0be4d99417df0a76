using MedGrpc.Core.Errors;

namespace MedGrpc.Service.AwsApi;

/// <summary>
/// The parts of a Signature Version 4 Authorization header:
/// <c>AWS4-HMAC-SHA256 Credential=AKID/20261206/us-east-1/transcribe/aws4_request, SignedHeaders=host;x-amz-date, Signature=hex</c>.
/// A header without them is IncompleteSignatureException, as AWS answers.
/// </summary>
public sealed record SigV4Authorization(
    string AccessKeyId, string Date, string Region, string Service, string Terminator, string SignedHeaders, string Signature)
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    public IReadOnlyList<string> SignedHeaderNames => SignedHeaders.Split(';');

    public static SigV4Authorization Parse(string header)
    {
        var space = header.IndexOf(' ');
        var algorithm = space < 0 ? header : header[..space];
        if (algorithm != Algorithm)
            throw Incomplete($"Unsupported AWS 'algorithm': '{algorithm}': sign with {Algorithm} (Signature Version 4).");
        var parts = header[(space + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .GroupBy(p => p[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last()[1], StringComparer.Ordinal);
        var missing = new[] { "Credential", "SignedHeaders", "Signature" }.Where(name => !parts.ContainsKey(name) || parts[name].Length == 0).ToList();
        if (missing.Count > 0)
            throw Incomplete(string.Join(' ', missing.Select(name => $"Authorization header requires '{name}' parameter.")) + $" Authorization={Algorithm} …");
        var credential = parts["Credential"].Split('/');
        if (credential.Length != 5 || credential.Any(p => p.Length == 0))
            throw Incomplete("Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term.");
        var signature = parts["Signature"];
        if (signature.Length != 64 || !signature.All(Uri.IsHexDigit))
            throw Incomplete("The Signature of the Authorization header must be 64 hex digits.");
        return new SigV4Authorization(credential[0], credential[1], credential[2], credential[3], credential[4],
            parts["SignedHeaders"], signature.ToLowerInvariant());
    }

    private static ServiceException Incomplete(string message) => new(AwsError.IncompleteSignatureException, message);
}
