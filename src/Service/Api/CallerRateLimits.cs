using System.Threading.RateLimiting;
using MedGrpc.Core.Errors;
using MedGrpc.Core.Options;
using Microsoft.Extensions.Options;

namespace MedGrpc.Service.Api;

/// <summary>
/// Per-caller request rates on Start, Get and List (token buckets from System.Threading.RateLimiting, one per caller
/// and kind of call), shared by both edges so that a caller's rate is the same whichever edge it calls: a caller over
/// its rate gets LimitExceededException, and other callers are not slowed. The caller is its account once
/// authenticated, else its address.
/// </summary>
public sealed class CallerRateLimits : IDisposable
{
    private readonly PartitionedRateLimiter<(string Caller, string Kind)> _limiter;
    private readonly LimitsOptions _limits;

    public CallerRateLimits(IOptions<MedGrpcOptions> options)
    {
        _limits = options.Value.Limits;
        _limiter = PartitionedRateLimiter.Create<(string Caller, string Kind), (string, string)>(key =>
            RateLimitPartition.GetTokenBucketLimiter(key, k => Bucket(RateOf(k.Item2))));
    }

    /// <summary>Counts the call against its caller's rate; throws LimitExceededException beyond it. Calls of no limited kind pass.</summary>
    public void Admit(string caller, string operation)
    {
        if (KindOf(operation) is not { } kind) return;
        using var lease = _limiter.AttemptAcquire((caller, kind));
        if (!lease.IsAcquired)
            throw new ServiceException(AwsError.LimitExceededException,
                $"You've sent more than {RateOf(kind)} {kind} requests a second. Slow down and try your request again.");
    }

    public void Dispose() => _limiter.Dispose();

    /// <summary>Which rate an operation counts against: StartMedicalTranscriptionJob → Start, GetMedicalVocabulary → Get, …</summary>
    private static string? KindOf(string operation)
    {
        foreach (var kind in new[] { "Start", "Get", "List" })
            if (operation.StartsWith(kind, StringComparison.Ordinal)) return kind;
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
}
