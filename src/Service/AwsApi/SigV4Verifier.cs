using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MedGrpc.Core.Errors;

namespace MedGrpc.Service.AwsApi;

/// <summary>
/// Verifies a request's Signature Version 4 against the access keys and returns the key's account: the credential
/// scope (any region, service "transcribe"), the date within 15 minutes of the server's clock, and the signature
/// recomputed over the request as received, compared in constant time. Each refusal carries AWS's error name.
/// </summary>
public sealed class SigV4Verifier(AccessKeys keys, TimeProvider clock)
{
    public const string Service = "transcribe";
    public static readonly TimeSpan MaxSkew = TimeSpan.FromMinutes(15);
    private const string DateFormat = "yyyyMMdd'T'HHmmss'Z'";

    public string Verify(HttpRequest request, ReadOnlySpan<byte> body)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.Length == 0) throw new ServiceException(AwsError.MissingAuthenticationTokenException, "Missing Authentication Token");
        var authorization = SigV4Authorization.Parse(header);

        var amzDate = request.Headers["x-amz-date"].ToString();
        if (!DateTime.TryParseExact(amzDate, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var signedAt))
            throw new ServiceException(AwsError.IncompleteSignatureException,
                "Authorization header requires existence of a 'X-Amz-Date' header in the form yyyyMMddTHHmmssZ.");
        if (!authorization.SignedHeaderNames.Contains("host"))
            throw new ServiceException(AwsError.IncompleteSignatureException, "'Host' must be a 'SignedHeader' in the AWS Authorization.");
        if (authorization.Date != amzDate[..8])
            throw Invalid($"Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '{authorization.Date}' != '{amzDate[..8]}', from '{amzDate}'.");
        if (authorization.Service != Service)
            throw Invalid($"Credential should be scoped to correct service: '{Service}'.");
        if (authorization.Terminator != "aws4_request")
            throw Invalid($"Credential should be scoped with a valid terminator: 'aws4_request', not '{authorization.Terminator}'.");

        var key = keys.Find(authorization.AccessKeyId)
            ?? throw new ServiceException(AwsError.UnrecognizedClientException, "The security token included in the request is invalid.");

        var now = clock.GetUtcNow().UtcDateTime;
        if (signedAt < now - MaxSkew)
            throw Invalid($"Signature expired: {amzDate} is now earlier than {(now - MaxSkew).ToString(DateFormat, CultureInfo.InvariantCulture)} ({now.ToString(DateFormat, CultureInfo.InvariantCulture)} - 15 min.)");
        if (signedAt > now + MaxSkew)
            throw Invalid($"Signature not yet current: {amzDate} is still later than {(now + MaxSkew).ToString(DateFormat, CultureInfo.InvariantCulture)} ({now.ToString(DateFormat, CultureInfo.InvariantCulture)} + 15 min.)");

        var canonical = SigV4CanonicalRequest.Of(request, authorization, body);
        var expected = SigV4Signature.Compute(key.SecretAccessKey, amzDate, authorization.Date, authorization.Region, authorization.Service, canonical);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(authorization.Signature)))
            throw Invalid("The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.");
        return key.AccountId;
    }

    private static ServiceException Invalid(string message) => new(AwsError.InvalidSignatureException, message);
}
