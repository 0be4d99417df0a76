using Google.Rpc;
using Grpc.Core;
using MedGrpc.Core.Errors;
using MedGrpc.Service.Api;
using MedGrpc.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace MedGrpc.Tests.Api;

/// <summary>How the gRPC edge reports the refusals that are not a service's own judgement: each carries its AWS error name.</summary>
public sealed class ErrorMappingTests
{
    private static async Task<RpcException> RefusalOfAsync(Exception thrown)
    {
        var interceptor = new ErrorInterceptor(NullLogger<ErrorInterceptor>.Instance, new UnreadableMessageLog(NullLogger<UnreadableMessageLog>.Instance, TimeProvider.System));
        return await Assert.ThrowsAsync<RpcException>(() =>
            interceptor.UnaryServerHandler<string, string>("request", new FakeCallContext(), (_, _) => throw thrown));
    }

    [Fact]
    public async Task A_store_that_cannot_be_reached_is_ServiceUnavailableException()
    {
        var e = await RefusalOfAsync(new StoreUnavailableException("connection refused"));
        Assert.Equal(StatusCode.Unavailable, e.StatusCode);
        Assert.Equal("ServiceUnavailableException", e.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason);
    }
}
