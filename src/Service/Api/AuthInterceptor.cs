using System.Net;
using System.Security.Cryptography;
using System.Text;
using Grpc.Core.Interceptors;
using Grpc.Core;
using MedGrpc.Core.Errors;
using MedGrpc.Core.Options;
using MedGrpc.Core.Resources;
using MedGrpc.Service.Options;
using Microsoft.Extensions.Options;

namespace MedGrpc.Service.Api;

/// <summary>
/// API-key authentication on every RPC but the health service (orchestrators probe without keys):
/// the key comes as "authorization: Bearer KEY" or "x-api-key: KEY", is hashed, and must match a
/// configured hash; the call then acts for the key's account (<see cref="CallerAccount"/>). A TLS client certificate
/// pinned in MedGrpc:Auth:ClientCertificates is a credential too, acting for its account (<see cref="ClientCertificates"/>).
/// Without configured keys or certificates the service is open to loopback callers and refuses all others. Keys added to
/// or removed from the configuration take effect at the next call (<see cref="ReloadingSetting{T}"/>).
/// Refusals are <see cref="ServiceException"/>s with AWS's authentication names, which <see cref="ErrorInterceptor"/> (outside this one) turns into UNAUTHENTICATED.
/// </summary>
public sealed class AuthInterceptor : Interceptor, IDisposable
{
    private const string HealthService = "/grpc.health.v1.Health/";
    private readonly ReloadingSetting<Dictionary<string, string>> _accountsByHash;
    private readonly ClientCertificates _certificates;

    public AuthInterceptor(IOptionsMonitor<ServiceOptions> options, ClientCertificates certificates, ILogger<AuthInterceptor> log)
    {
        _certificates = certificates;
        _accountsByHash = new ReloadingSetting<Dictionary<string, string>>(options, "MedGrpc:Auth:ApiKeys", KeysOf,
            keys => string.Join(',', keys.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key}={k.Value}")),
            keys => $"{keys.Count} keys, of accounts {string.Join(", ", keys.Values.Distinct().Order())}", log,
            keys => { if (keys.Count == 0 && !_certificates.Any) WarnOpen(log); });
        if (_accountsByHash.Current.Count == 0 && !certificates.Any) WarnOpen(log);
    }

    private static void WarnOpen(ILogger log) =>
        log.LogWarning("Authentication is off: no MedGrpc:Auth:ApiKeys configured, so only loopback callers are served. Configure API keys before serving other hosts.");

    private static Dictionary<string, string> KeysOf(ServiceOptions options)
    {
        var accountsByHash = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in options.Auth.ApiKeys)
        {
            var hash = key.Sha256.Trim().ToLowerInvariant();
            if (hash.Length != 64 || !hash.All(Uri.IsHexDigit) || !AccountIds.IsValid(key.AccountId))
                throw new InvalidOperationException("Each MedGrpc:Auth:ApiKeys entry needs an AccountId of twelve digits and the key's SHA-256 as 64 hex digits.");
            accountsByHash[hash] = key.AccountId;
        }
        return accountsByHash;
    }

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Authenticate(context);
        return continuation(request, context);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Authenticate(context);
        return continuation(requestStream, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Authenticate(context);
        return continuation(request, responseStream, context);
    }

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Authenticate(context);
        return continuation(requestStream, responseStream, context);
    }

    private void Authenticate(ServerCallContext context)
    {
        if (context.Method.StartsWith(HealthService, StringComparison.Ordinal)) return;
        // Each list read once per call, so a reload in the middle of it can't mix two.
        var accountsByHash = _accountsByHash.Current;
        var certificates = _certificates.Any;
        if (context.GetHttpContext().Connection.ClientCertificate is { } certificate && certificates)
        {
            // A certificate the TLS handshake proved the caller holds the key of; it is the credential when pinned.
            var holder = _certificates.AccountOf(certificate)
                ?? throw new ServiceException(AwsError.UnrecognizedClientException, "The client certificate isn't one of this service's MedGrpc:Auth:ClientCertificates.");
            CallerAccount.Authenticate(context, holder);
            return;
        }
        if (accountsByHash.Count == 0 && !certificates)
        {
            if (IsLoopback(context)) return;
            throw new ServiceException(AwsError.UnrecognizedClientException, "This server has no API keys configured and serves loopback callers only.");
        }
        var key = KeyOf(context.RequestHeaders)
            ?? throw new ServiceException(AwsError.MissingAuthenticationTokenException, certificates
                ? "No API key and no client certificate: send the key as 'authorization: Bearer KEY' or 'x-api-key: KEY', or connect with a client certificate."
                : "No API key: send it as 'authorization: Bearer KEY' or 'x-api-key: KEY'.");
        // Hex of a SHA-256 looked up in a dictionary: the comparison is on the hash, so its timing tells nothing about the key.
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        if (!accountsByHash.TryGetValue(hash, out var account)) throw new ServiceException(AwsError.UnrecognizedClientException, "The API key isn't valid.");
        CallerAccount.Authenticate(context, account);
    }

    private static string? KeyOf(Metadata headers)
    {
        var bearer = headers.GetValue("authorization");
        if (bearer is not null && bearer.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return bearer[7..].Trim();
        return headers.GetValue("x-api-key")?.Trim();
    }

    private static bool IsLoopback(ServerCallContext context)
    {
        var remote = context.GetHttpContext().Connection.RemoteIpAddress;
        return remote is not null && IPAddress.IsLoopback(remote);
    }

    public void Dispose() => _accountsByHash.Dispose();
}
