using System.Text;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;

namespace MedGrpc.Bench;

/// <summary>
/// A caller of the AWS endpoint that signs as the AWS SDK for .NET does: each request goes through AWSSDK.Core's own
/// AWS4Signer (the SDK's request and client-config types), then out over one pooled HTTP/1.1 connection.
/// </summary>
public sealed class AwsSigningClient(string endpoint, string accessKeyId, string secretAccessKey) : IDisposable
{
    private readonly HttpClient _http = new();
    private readonly AWS4Signer _signer = new();
    private readonly Config _config = new(endpoint) { AuthenticationRegion = "us-east-1", AuthenticationServiceName = "transcribe" };
    private readonly BasicAWSCredentials _credentials = new(accessKeyId, secretAccessKey);

    /// <summary>Sends a signed request and returns the body; a non-200 answer throws with the AWS error.</summary>
    public async Task<string> SendAsync(string operation, string json)
    {
        using var message = Sign($"Transcribe.{operation}", Encoding.UTF8.GetBytes(json));
        using var response = await _http.SendAsync(message);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{operation}: {(int)response.StatusCode} {body}");
        return body;
    }

    /// <summary>POST / of the body, signed by AWSSDK.Core's AWS4Signer; the target header is left out when null.</summary>
    public HttpRequestMessage Sign(string? target, byte[] body, string contentType = "application/x-amz-json-1.1")
    {
        var request = new DefaultRequest(new NoParameters(), "transcribe")
        {
            Endpoint = new Uri(endpoint),
            ResourcePath = "/",
            HttpMethod = "POST",
            Content = body,
        };
        request.Headers["Content-Type"] = contentType;
        if (target is not null) request.Headers["X-Amz-Target"] = target;
        _signer.Sign(request, _config, null, _credentials);

        var message = new HttpRequestMessage(HttpMethod.Post, endpoint + "/") { Content = new ByteArrayContent(request.Content) };
        foreach (var (name, value) in request.Headers)
        {
            if (name.Equals("host", StringComparison.OrdinalIgnoreCase)) continue; // HttpClient sends the same Host
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)) message.Content.Headers.TryAddWithoutValidation(name, value);
            else message.Headers.TryAddWithoutValidation(name, value);
        }
        return message;
    }

    public void Dispose() => _http.Dispose();

    private sealed class NoParameters : AmazonWebServiceRequest;

    private sealed class Config(string endpoint) : ClientConfig(null)
    {
        public override string RegionEndpointServiceName => "transcribe";
        public override string ServiceVersion => "2017-10-26";
        public override string UserAgent => "medgrpc-bench";
        public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters) => new(endpoint);
    }
}
