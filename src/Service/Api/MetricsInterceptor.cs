using System.Diagnostics;
using Grpc.Core;
using Grpc.Core.Interceptors;
using MedGrpc.Core.Telemetry;

namespace MedGrpc.Service.Api;

/// <summary>
/// Times every RPC by method and final gRPC status. It runs outermost, so the status is the one the
/// caller gets (after <see cref="ErrorInterceptor"/> has mapped the service's errors).
/// </summary>
public sealed class MetricsInterceptor(ServiceMetrics metrics) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation) =>
        await TimeAsync(context, () => continuation(request, context));

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation) =>
        await TimeAsync(context, () => continuation(requestStream, context));

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation) =>
        TimeAsync(context, async () =>
        {
            await continuation(request, responseStream, context);
            return true;
        });

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation) =>
        TimeAsync(context, async () =>
        {
            await continuation(requestStream, responseStream, context);
            return true;
        });

    private async Task<T> TimeAsync<T>(ServerCallContext context, Func<Task<T>> call)
    {
        var started = Stopwatch.GetTimestamp();
        var status = StatusCode.OK;
        try
        {
            return await call();
        }
        catch (RpcException e)
        {
            status = e.StatusCode;
            throw;
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            status = StatusCode.Cancelled;
            throw;
        }
        catch
        {
            status = StatusCode.Unknown;
            throw;
        }
        finally
        {
            metrics.RpcEnded(context.Method, status.ToString(), Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }
}
