using Grpc.Core;
using Grpc.Core.Interceptors;

namespace MedGrpc.Service.Api;

/// <summary>
/// The per-caller request rates (<see cref="CallerRateLimits"/>) on the gRPC edge's unary calls: a caller over its
/// rate gets RESOURCE_EXHAUSTED / LimitExceededException. The caller is its account once authenticated, else its address.
/// </summary>
public sealed class RateLimitInterceptor(CallerRateLimits limits) : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        limits.Admit(CallerOf(context), context.Method[(context.Method.LastIndexOf('/') + 1)..]);
        return continuation(request, context);
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
