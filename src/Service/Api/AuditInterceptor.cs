using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace MedGrpc.Service.Api;

/// <summary>
/// The gRPC edge's audit line (<see cref="AuditLog"/>) for every call but the health service's probes. It runs
/// outermost, so the result is the one the caller gets (the AWS error name <see cref="ErrorInterceptor"/> gave it)
/// and the account the one <see cref="AuthInterceptor"/> found.
/// </summary>
public sealed class AuditInterceptor(AuditLog audit, CallerAccount accounts) : Interceptor
{
    private const string HealthService = "/grpc.health.v1.Health/";

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var result = "OK";
        try { return await continuation(request, context); }
        catch (RpcException e) { result = ResultOf(e); throw; }
        finally { Record(context, request as IMessage, result); }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        // The resource is in the stream's first message (PutObject's location).
        var first = new FirstMessage<TRequest>(requestStream);
        var result = "OK";
        try { return await continuation(first, context); }
        catch (RpcException e) { result = ResultOf(e); throw; }
        finally { Record(context, first.First as IMessage, result); }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var result = "OK";
        try { await continuation(request, responseStream, context); }
        catch (RpcException e) { result = ResultOf(e); throw; }
        finally { Record(context, request as IMessage, result); }
    }

    private void Record(ServerCallContext context, IMessage? request, string result)
    {
        if (context.Method.StartsWith(HealthService, StringComparison.Ordinal)) return;
        string caller;
        try { caller = UnreadableMessageRefusal.CallerOf(context.GetHttpContext()); }
        catch (InvalidOperationException) { caller = context.Peer; }
        // Refused before authentication: no account acted.
        var account = result is "MissingAuthenticationTokenException" or "UnrecognizedClientException" ? "-" : accounts.Of(context);
        audit.Record("grpc", account, caller, context.Method.TrimStart('/'), AuditLog.ResourceOf(request), result);
    }

    /// <summary>The AWS error name the refusal carries, else its gRPC status.</summary>
    private static string ResultOf(RpcException e) => e.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason ?? e.StatusCode.ToString();

    private sealed class FirstMessage<T>(IAsyncStreamReader<T> inner) : IAsyncStreamReader<T>
    {
        public T? First { get; private set; }

        public T Current => inner.Current;

        public async Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            var more = await inner.MoveNext(cancellationToken);
            if (more && First is null) First = inner.Current;
            return more;
        }
    }
}
