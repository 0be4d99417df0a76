using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using MedGrpc.Core.Errors;
using Status = Google.Rpc.Status;

namespace MedGrpc.Service.Api;

/// <summary>
/// Domain errors ↔ gRPC status at the edge: the AWS error name goes into a google.rpc.ErrorInfo
/// reason and the fields at fault into a google.rpc.BadRequest, so any client can map back.
/// Anything unexpected becomes INTERNAL / InternalFailureException, never a crash.
/// </summary>
public sealed class ErrorInterceptor(ILogger<ErrorInterceptor> log, UnreadableMessageLog unreadable) : Interceptor
{
    public const string Domain = "medgrpc.transcribe.v1";

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try { return await continuation(request, context); }
        catch (Exception e) when (e is not RpcException) { throw Map(e, context); }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try { return await continuation(Refusing(requestStream, context), context); }
        catch (Exception e) when (e is not RpcException) { throw Map(e, context); }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try { await continuation(request, responseStream, context); }
        catch (Exception e) when (e is not RpcException) { throw Map(e, context); }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try { await continuation(Refusing(requestStream, context), responseStream, context); }
        catch (Exception e) when (e is not RpcException) { throw Map(e, context); }
    }

    private RefusingStreamReader<T> Refusing<T>(IAsyncStreamReader<T> requestStream, ServerCallContext context) =>
        new(requestStream, () => unreadable.Refused(CallerOf(context), context.Method, "has a gRPC frame cut short or compressed without an encoding"));

    private RpcException Map(Exception e, ServerCallContext context)
    {
        // The caller went away (cancelled, or its connection dropped while its stream was read): nobody to answer.
        if (e is OperationCanceledException or IOException && (context.CancellationToken.IsCancellationRequested || e.InnerException is IOException))
            return new RpcException(new Grpc.Core.Status(StatusCode.Cancelled, "The call was cancelled."));
        if (e is ServiceException service) return ToRpcException(service);
        if (e is InvalidProtocolBufferException)
        {
            unreadable.Refused(CallerOf(context), context.Method);
            return ToRpcException(UnreadableMessageRefusal.Error());
        }
        if (StoreUnavailableException.Is(e))
        {
            log.LogWarning("A store is unreachable in {Method}: {Error}", context.Method, e.Message);
            return ToRpcException(new ServiceException(AwsError.ServiceUnavailableException,
                "The service can't reach its job store or object store right now. Try your request again shortly."));
        }
        log.LogError(e, "Unexpected failure in {Method}", context.Method);
        return ToRpcException(new ServiceException(AwsError.InternalFailureException,
            "There was an internal error. Check the error message, correct the issue, and try your request again."));
    }

    // The caller's address as the edge's middleware names it; a context without an HTTP request (a test's) by its peer.
    private static string CallerOf(ServerCallContext context)
    {
        try { return UnreadableMessageRefusal.CallerOf(context.GetHttpContext()); }
        catch (InvalidOperationException) { return context.Peer; }
    }

    // A refusal travels in the response's trailers (grpc-message, grpc-status-details-bin), and clients cap the
    // headers they take (HttpClient: 64 KB, and beyond it drops the whole HTTP/2 connection, every other call on it
    // too). A refusal quotes the value at fault, which may be 70,000 characters: so the text is shortened here.
    public const int MaxMessageChars = 2048;
    public const int MaxDescriptionChars = 512;
    public const int MaxViolations = 20;

    public static RpcException ToRpcException(ServiceException e)
    {
        var status = new Status
        {
            Code = (int)CodeOf(e.Error),
            Message = Shorten(e.Message, MaxMessageChars),
            Details = { Any.Pack(new ErrorInfo { Reason = e.Error.ToString(), Domain = Domain }) },
        };
        if (e.Violations.Count > 0)
        {
            var badRequest = new BadRequest();
            badRequest.FieldViolations.AddRange(e.Violations.Take(MaxViolations).Select(v => new BadRequest.Types.FieldViolation
            {
                Field = Shorten(v.Field, MaxDescriptionChars),
                Description = Shorten(v.Description, MaxDescriptionChars),
            }));
            status.Details.Add(Any.Pack(badRequest));
        }
        return status.ToRpcException();
    }

    /// <summary>The text, or its first <paramref name="max"/> characters (a surrogate pair kept whole) and how many more there were.</summary>
    public static string Shorten(string text, int max)
    {
        if (text.Length <= max) return text;
        var cut = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        return $"{text[..cut]}… ({text.Length - cut:N0} more characters)";
    }

    /// <summary>The one mapping of AWS error names to gRPC status codes (docs/contract.md, "Errors").</summary>
    public static Code CodeOf(AwsError error) => error switch
    {
        AwsError.BadRequestException => Code.InvalidArgument,
        AwsError.ConflictException => Code.AlreadyExists,
        AwsError.LimitExceededException => Code.ResourceExhausted,
        AwsError.NotFoundException => Code.NotFound,
        AwsError.ServiceUnavailableException => Code.Unavailable,
        AwsError.MissingAuthenticationTokenException or AwsError.IncompleteSignatureException
            or AwsError.UnrecognizedClientException or AwsError.InvalidSignatureException => Code.Unauthenticated,
        AwsError.InternalFailureException => Code.Internal,
        _ => Code.Internal,
    };
}
