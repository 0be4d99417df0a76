using System.Threading.RateLimiting;
using Grpc.Core;
using Grpc.Core.Interceptors;
using MedGrpc.Core.Errors;
using MedGrpc.Core.Options;
using Microsoft.Extensions.Options;

namespace MedGrpc.Service.Api;

/// <summary>
/// Per-caller request rates on Start, Get and List (token buckets from System.Threading.RateLimiting,
/// one per caller and kind of call): a caller over its rate gets RESOURCE_EXHAUSTED / LimitExceededException,
/// and other callers are not slowed. The caller is its account once authenticated, else its address.
/// </summary>
public sealed class RateLimitInterceptor : Interceptor, IDisposable
{
    private readonly PartitionedRateLimiter<(string Caller, string Kind)> _limiter;
    private readonly LimitsOptions _limits;

    public RateLimitInterceptor(IOptions<MedGrpcOptions> options)
    {
        _limits = options.Value.Limits;
        _limiter = PartitionedRateLimiter.Create<(string Caller, string Kind), (string, string)>(key =>
            RateLimitPartition.GetTokenBucketLimiter(key, k => Bucket(RateOf(k.Item2))));
    }

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (KindOf(context.Method) is { } kind)
        {
            using var lease = _limiter.AttemptAcquire((CallerOf(context), kind));
            if (!lease.IsAcquired)
                throw new ServiceException(AwsError.LimitExceededException,
                    $"You've sent more than {RateOf(kind)} {kind} requests a second. Slow down and try your request again.");
        }
        return continuation(request, context);
    }

    public void Dispose() => _limiter.Dispose();

    /// <summary>Which rate a method counts against: StartMedicalTranscriptionJob → Start, GetMedicalVocabulary → Get, …</summary>
    private static string? KindOf(string method)
    {
        var name = method[(method.LastIndexOf('/') + 1)..];
        foreach (var kind in new[] { "Start", "Get", "List" })
            if (name.StartsWith(kind, StringComparison.Ordinal)) return kind;
        return null;
    }

    private double RateOf(string kind) => kind switch
    {
        "Start" => _limits.StartRequestsPerSecond,
        "Get" => _limits.GetRequestsPerSecond,
        _ => _limits.ListRequestsPerSecond,
    };

    private static TokenBucketRateLimiterOptions Bucket(double perSecond)
    {
        // A second's worth of burst; refilled ten times a second, so the rate holds without a cliff at each second.
        var burst = Math.Max(1, (int)Math.Ceiling(perSecond));
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = Math.Max(1, (int)Math.Round(perSecond / 10)),
            ReplenishmentPeriod = TimeSpan.FromSeconds(Math.Max(1, (int)Math.Round(perSecond / 10)) / perSecond),
            QueueLimit = 0,
            AutoReplenishment = true,
        };
    }

    private static string CallerOf(ServerCallContext context)
    {
        if (CallerAccount.Authenticated(context) is { } account) return account;
        // "ipv4:127.0.0.1:51234" → "ipv4:127.0.0.1": one caller per address, whatever its port.
        var peer = context.Peer;
        var port = peer.LastIndexOf(':');
        return port > 0 ? peer[..port] : peer;
    }
}
