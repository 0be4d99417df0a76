using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime.Internal.Auth;

namespace MedGrpc.Tests.AwsApi;

/// <summary>
/// A raw AWS JSON 1.1 caller for what the SDKs never send (a skewed clock, a malformed header, a member of the wrong
/// type): it signs with AWSSDK.Core's own AWS4Signer (the signing key chain and signature), over a canonical request
/// of the four headers it sends.
/// </summary>
public sealed class SignedAwsClient(string endpoint, string accessKeyId, string secretAccessKey, HttpMessageHandler? handler = null) : IDisposable
{
    private readonly HttpClient _http = new(handler ?? new HttpClientHandler()) { Timeout = TimeSpan.FromSeconds(30) };

    public string Region { get; init; } = "us-east-1";

    public string Service { get; init; } = "transcribe";

    public async Task<HttpResponseMessage> SendAsync(string operation, string json, DateTime? signedAt = null,
        string contentType = "application/x-amz-json-1.1", Action<HttpRequestMessage>? tamper = null)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var uri = new Uri(endpoint + "/");
        var at = signedAt ?? DateTime.UtcNow;
        var amzDate = at.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var target = $"Transcribe.{operation}";
        var canonical = string.Join('\n',
            "POST", "/", "",
            $"content-type:{contentType}", $"host:{uri.Authority}", $"x-amz-date:{amzDate}", $"x-amz-target:{target}", "",
            "content-type;host;x-amz-date;x-amz-target",
            Convert.ToHexStringLower(SHA256.HashData(body)));
        var signature = AWS4Signer.ComputeSignature(accessKeyId, secretAccessKey, Region, at, Service, "content-type;host;x-amz-date;x-amz-target", canonical);

        var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(body) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        request.Headers.TryAddWithoutValidation("X-Amz-Date", amzDate);
        request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        request.Headers.TryAddWithoutValidation("Authorization", signature.ForAuthorizationHeader);
        tamper?.Invoke(request);
        return await _http.SendAsync(request);
    }

    public void Dispose() => _http.Dispose();
}
