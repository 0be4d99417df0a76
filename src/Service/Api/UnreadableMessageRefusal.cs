using Google.Protobuf;
using Grpc.AspNetCore.Server;
using MedGrpc.Core.Errors;

namespace MedGrpc.Service.Api;

/// <summary>
/// A request whose body is not the method's message is the caller's fault: a BadRequestException. A streamed message
/// is read inside the handler, where <see cref="ErrorInterceptor"/> refuses it with <see cref="Error"/>; a unary or
/// server-streaming request is read before any interceptor runs, and gRPC answers UNKNOWN "Exception was thrown by
/// handler." when it can't. This middleware, around the gRPC endpoints, turns exactly that answer (the call's status
/// holds protobuf's parse failure) into the same refusal, with the same google.rpc details.
/// </summary>
public static class UnreadableMessageRefusal
{
    public static ServiceException Error() => ServiceException.BadRequest(
        "The request body isn't a valid protobuf message of this method. Check the client's generated code and try your request again.");

    public static IApplicationBuilder UseUnreadableMessageRefusal(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        await next(context);
        var call = context.Features.Get<IServerCallContextFeature>()?.ServerCallContext;
        // Only a trailers-only answer can still be changed: its status is in the response headers, not sent yet.
        if (call?.Status.DebugException is not InvalidProtocolBufferException || context.Response.HasStarted) return;
        var refusal = ErrorInterceptor.ToRpcException(Error());
        context.Response.Headers["grpc-status"] = ((int)refusal.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.Headers["grpc-message"] = refusal.Status.Detail;
        foreach (var trailer in refusal.Trailers.Where(t => t.IsBinary))
            context.Response.Headers[trailer.Key] = Convert.ToBase64String(trailer.ValueBytes);
    });
}
