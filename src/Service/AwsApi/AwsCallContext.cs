using Grpc.Core;

namespace MedGrpc.Service.AwsApi;

/// <summary>
/// The call context the AWS endpoint hands the gRPC edge's methods: what they read of it, the caller's account
/// (<see cref="Api.CallerAccount"/>, in UserState) and the request's cancellation. Nothing else of gRPC applies.
/// </summary>
internal sealed class AwsCallContext(string operation, string peer, CancellationToken cancellation) : ServerCallContext
{
    protected override string MethodCore => $"/{AwsOperations.TargetPrefix}{operation}";
    protected override string HostCore => "";
    protected override string PeerCore => peer;
    protected override DateTime DeadlineCore => DateTime.MaxValue;
    protected override Metadata RequestHeadersCore { get; } = [];
    protected override CancellationToken CancellationTokenCore => cancellation;
    protected override Metadata ResponseTrailersCore { get; } = [];
    protected override Status StatusCore { get; set; }
    protected override WriteOptions? WriteOptionsCore { get; set; }
    protected override AuthContext AuthContextCore { get; } = new(null, new Dictionary<string, List<AuthProperty>>());

    protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) =>
        throw new NotSupportedException("The AWS endpoint makes no gRPC calls of its own.");

    protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => Task.CompletedTask;
}
