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

    // Found by the fuzz bench: a refusal quoting a 70,000-character value overflowed the client's 64 KB header limit.
    [Fact]
    public async Task A_refusal_quoting_a_huge_value_is_shortened_to_fit_the_trailers()
    {
        var huge = new string('x', 70_000);
        var e = await RefusalOfAsync(new ServiceException(AwsError.BadRequestException, $"The value '{huge}' is too long.",
            [.. Enumerable.Range(0, 60).Select(i => new FieldViolation($"tags.{i}.key", $"The value '{huge}' is too long."))]));
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.True(e.Status.Detail.Length < ErrorInterceptor.MaxMessageChars + 40);
        Assert.Contains("more characters", e.Status.Detail);
        var violations = e.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations;
        Assert.Equal(ErrorInterceptor.MaxViolations, violations.Count);
        Assert.All(violations, v => Assert.True(v.Description.Length < ErrorInterceptor.MaxDescriptionChars + 40));
    }
}
