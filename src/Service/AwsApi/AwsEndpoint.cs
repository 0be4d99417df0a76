using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using MedGrpc.Core.Options;
using Microsoft.Extensions.Options;
using MedGrpc.Core.Errors;
using MedGrpc.Service.Api;

namespace MedGrpc.Service.AwsApi;

/// <summary>
/// One request of AWS's JSON 1.1 protocol: POST / with X-Amz-Target "Transcribe.OPERATION" and a JSON body. The caller
/// is authenticated (a pinned client certificate, SigV4 against the access keys, or both, which must then agree; without
/// either kind configured, loopback callers only, as MedGrpc:AccountId), held
/// to the per-caller rates both edges share, and the operation runs as the gRPC edge runs it (<see cref="AwsOperations"/>);
/// the answer is its output as JSON, or the AWS error with its status (<see cref="AwsErrorStatus"/>).
/// </summary>
public sealed class AwsEndpoint(
    AwsOperations operations, AccessKeys keys, ClientCertificates certificates, SigV4Verifier verifier, CallerRateLimits limits, AuditLog audit,
    IOptions<MedGrpcOptions> options, ILogger<AwsEndpoint> log)
{
    /// <summary>The largest body read, as on the gRPC edge.</summary>
    public const int MaxBodyBytes = UnreadableMessageRefusal.MaxBodyBytes;

    public async Task HandleAsync(HttpContext http)
    {
        var ct = http.RequestAborted;
        http.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        var target = http.Request.Headers["X-Amz-Target"].ToString();
        // The audit line's fields, filled in as the call gets that far.
        string account = "-", result = "OK";
        IMessage? request = null;
        try
        {
            var body = await ReadBodyAsync(http.Request, ct);
            var authenticated = Authenticate(http, body);
            account = authenticated ?? options.Value.AccountId;
            var operation = operations.Find(target) ?? throw UnknownOperation(http.Request, target);
            if (!IsAwsJson(http.Request.ContentType))
                throw ServiceException.BadRequest($"The Content-Type must be {AwsResponse.ContentType}, not '{http.Request.ContentType}'.");
            limits.Admit(authenticated ?? PeerOf(http), operation.Name);

            request = AwsJsonReader.Read(operation.Request, operation.Name, body);
            var context = new AwsCallContext(operation.Name, PeerOf(http), ct);
            if (authenticated is not null) CallerAccount.Authenticate(context, authenticated);
            var response = await operation.InvokeAsync(request, context);
            await AwsResponse.WriteAsync(http.Response, AwsJsonWriter.Write(response), ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The caller went away: nobody to answer.
            result = "Cancelled";
        }
        catch (ServiceException e)
        {
            result = e.Error.ToString();
            await AwsResponse.WriteErrorAsync(http.Response, e.Error, e.Message, ct);
        }
        catch (Exception e) when (StoreUnavailableException.Is(e))
        {
            result = AwsError.ServiceUnavailableException.ToString();
            log.LogWarning("A store is unreachable in {Target}: {Error}", target, e.Message);
            await AwsResponse.WriteErrorAsync(http.Response, AwsError.ServiceUnavailableException,
                "The service can't reach its job store or object store right now. Try your request again shortly.", ct);
        }
        catch (Exception e)
        {
            result = AwsError.InternalFailureException.ToString();
            log.LogError(e, "Unexpected failure in {Target}", target);
            await AwsResponse.WriteErrorAsync(http.Response, AwsError.InternalFailureException,
                "There was an internal error. Check the error message, correct the issue, and try your request again.", ct);
        }
        finally
        {
            audit.Record("aws", account, http.Connection.RemoteIpAddress?.ToString() ?? "unknown", target, AuditLog.ResourceOf(request), result);
        }
    }

    /// <summary>The account the caller acts for; null in the open mode, where the call acts for MedGrpc:AccountId.</summary>
    private string? Authenticate(HttpContext http, byte[] body)
    {
        var pinning = certificates.Any;
        if (pinning && http.Connection.ClientCertificate is { } certificate)
        {
            // As on the gRPC edge, a pinned certificate is the credential of its account: AWS clients that don't sign
            // (boto3's UNSIGNED, the CLI's --no-sign-request) are that account's callers.
            var holder = certificates.AccountOf(certificate)
                ?? throw new ServiceException(AwsError.UnrecognizedClientException, "The client certificate isn't one of this service's MedGrpc:Auth:ClientCertificates.");
            if (http.Request.Headers.Authorization.Count == 0) return holder;
            // A signature beside it is a second credential of the same request, judged as ever: it must hold, and be
            // a key of the same account, or one credential would speak for another's account.
            if (verifier.Verify(http.Request, body) != holder)
                throw new ServiceException(AwsError.UnrecognizedClientException,
                    "The request is signed with an access key of another account than its client certificate's: sign with a key of the certificate's account, or don't sign.");
            return holder;
        }
        if (!keys.None || pinning) return verifier.Verify(http.Request, body);
        if (http.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote)) return null;
        throw new ServiceException(AwsError.UnrecognizedClientException,
            "This server has no access keys configured and serves loopback callers only.");
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBodyBytes) throw TooLarge();
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes) throw TooLarge();
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static ServiceException TooLarge() => ServiceException.BadRequest($"The request body is larger than {MaxBodyBytes} bytes.");

    private ServiceException UnknownOperation(HttpRequest request, string target) =>
        request.Method != HttpMethods.Post || request.Path != "/"
            ? ServiceException.BadRequest($"MedGrpc's AWS endpoint takes POST / (this was {request.Method} {request.Path}).")
            : ServiceException.BadRequest(
                $"The X-Amz-Target '{target}' isn't an operation of this endpoint: it serves {AwsOperations.TargetPrefix}{{{string.Join(", ", operations.Names)}}}.");

    private static bool IsAwsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && string.Equals(media.MediaType, AwsResponse.ContentType, StringComparison.OrdinalIgnoreCase);

    // As the gRPC edge names an unauthenticated caller for its rates: "ipv4:127.0.0.1", whatever the port.
    private static string PeerOf(HttpContext http) => http.Connection.RemoteIpAddress is { } remote
        ? (remote.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"ipv6:[{remote}]" : $"ipv4:{remote}")
        : "unknown";
}
