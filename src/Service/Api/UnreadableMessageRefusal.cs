using System.Buffers.Binary;
using System.IO.Compression;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using MedGrpc.Core.Errors;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Service.Api;

/// <summary>
/// A request whose body is not the method's message is the caller's fault: a BadRequestException. A streamed message
/// is read inside the handler, where <see cref="ErrorInterceptor"/> refuses it; a unary or server-streaming request
/// is read by gRPC before any interceptor runs, and gRPC answers UNKNOWN "Exception was thrown by handler." and logs
/// the parser's stack trace twice when it can't. So this middleware, in front of the gRPC endpoints, reads the one
/// message of those methods itself: a body that isn't one is refused with the google.rpc details every refusal
/// carries and logged through <see cref="UnreadableMessageLog"/>; a readable one is handed on to gRPC, which reads it
/// again from memory. A body beyond <see cref="MaxBodyBytes"/> is refused as the AWS endpoint refuses one.
/// </summary>
public static class UnreadableMessageRefusal
{
    /// <summary>The largest request read, on both edges: a Start with 200 tags at their longest is under 100 KB.</summary>
    public const int MaxBodyBytes = 1 << 20;

    // gRPC's length-prefixed message: a compressed flag and a big-endian length, then the message. Read here by hand
    // because Grpc.AspNetCore has no hook between its reading of the frame and its deserializer.
    private const int FrameHeaderBytes = 5;

    public static ServiceException Error() => ServiceException.BadRequest(
        "The request body isn't a valid protobuf message of this method. Check the client's generated code and try your request again.");

    public static ServiceException TooLarge() => ServiceException.BadRequest($"The request body is larger than {MaxBodyBytes} bytes.");

    // The refusal is sent in headers as it is: the quoted content type is kept short and printable ASCII.
    public static ServiceException NotGrpc(string? contentType) => ServiceException.BadRequest(
        $"The Content-Type must be application/grpc (or application/grpc+proto), not '{new string(ErrorInterceptor.Shorten(contentType ?? "", 100).Select(c => c is >= ' ' and <= '~' ? c : '?').ToArray())}'.");

    /// <summary>Every method the host maps, by its path "/package.Service/Method": MedGrpc's two services, health and reflection.</summary>
    private static readonly MethodDescriptor[] ServedMethods =
        new[]
            {
                MedicalTranscriptionReflection.Descriptor, ObjectStoreReflection.Descriptor, Grpc.Health.V1.HealthReflection.Descriptor,
                Grpc.Reflection.V1Alpha.ReflectionReflection.Descriptor, Grpc.Reflection.V1.ReflectionReflection.Descriptor,
            }
            .SelectMany(file => file.Services)
            .SelectMany(service => service.Methods)
            .ToArray();

    private static readonly HashSet<string> ServedPaths = ServedMethods.Select(PathOf).ToHashSet(StringComparer.Ordinal);

    /// <summary>The request message of each method a caller sends one message to, by its path.</summary>
    private static readonly Dictionary<string, MessageParser> SingleMessageMethods = ServedMethods
        .Where(method => !method.IsClientStreaming)
        .ToDictionary(PathOf, method => method.InputType.Parser, StringComparer.Ordinal);

    private static string PathOf(MethodDescriptor method) => $"/{method.Service.FullName}/{method.Name}";

    /// <summary>application/grpc, or application/grpc+FORMAT / ;params, as gRPC reads it (application/grpc-web is another protocol).</summary>
    public static bool IsGrpcContentType(string? contentType) =>
        contentType is not null && contentType.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase)
        && (contentType.Length == "application/grpc".Length || contentType["application/grpc".Length] is '+' or ';');

    public static IApplicationBuilder UseUnreadableMessageRefusal(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!context.Request.Path.HasValue || !ServedPaths.Contains(context.Request.Path.Value))
        {
            await next(context);
            return;
        }
        // gRPC itself answers another content type with INTERNAL; it is the caller's mistake, so a BadRequest (HTTP 415 still).
        if (!IsGrpcContentType(context.Request.ContentType))
        {
            context.RequestServices.GetRequiredService<UnreadableMessageLog>().Refused(CallerOf(context), context.Request.Path.Value, "isn't gRPC (its Content-Type)");
            WriteTrailersOnly(context.Response, NotGrpc(context.Request.ContentType), StatusCodes.Status415UnsupportedMediaType);
            return;
        }
        if (!SingleMessageMethods.TryGetValue(context.Request.Path.Value, out var parser))
        {
            await next(context);
            return;
        }
        var body = await ReadBodyAsync(context.Request, context.RequestAborted);
        var refusal = body is null ? TooLarge() : Readable(body, parser, context.Request.Headers["grpc-encoding"].ToString()) ? null : Error();
        if (refusal is not null)
        {
            context.RequestServices.GetRequiredService<UnreadableMessageLog>().Refused(CallerOf(context), context.Request.Path.Value,
                body is null ? $"is larger than {MaxBodyBytes} bytes" : UnreadableMessageLog.NotTheMessage);
            WriteTrailersOnly(context.Response, refusal);
            return;
        }
        context.Request.Body = new MemoryStream(body!, writable: false);
        await next(context);
    });

    /// <summary>The caller as the log names it: its address, whatever its port.</summary>
    public static string CallerOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>The whole body, or null when it is larger than <see cref="MaxBodyBytes"/> and a frame header.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes + FrameHeaderBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>
    /// Whether the body is one whole frame holding the method's message. A frame compressed with anything but gzip is
    /// left to gRPC, which refuses an encoding it wasn't configured with.
    /// </summary>
    private static bool Readable(byte[] body, MessageParser parser, string encoding)
    {
        if (body.Length < FrameHeaderBytes) return false;
        var compressed = body[0] == 1;
        if (body[0] > 1) return false;
        var length = BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(1, 4));
        if (length != body.Length - FrameHeaderBytes) return false;
        try
        {
            if (!compressed)
            {
                parser.ParseFrom(body.AsSpan(FrameHeaderBytes));
                return true;
            }
            // A compressed message needs its encoding named: without one gRPC answers INTERNAL, so it is refused here.
            if (encoding.Length == 0 || string.Equals(encoding, "identity", StringComparison.OrdinalIgnoreCase)) return false;
            if (!string.Equals(encoding, "gzip", StringComparison.OrdinalIgnoreCase)) return true;
            // Inflated no further than the limit: a small bomb must not fill the memory.
            using var gzip = new GZipStream(new MemoryStream(body, FrameHeaderBytes, (int)length), CompressionMode.Decompress);
            using var message = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = gzip.Read(chunk)) > 0)
            {
                if (message.Length + read > MaxBodyBytes) return false;
                message.Write(chunk, 0, read);
            }
            parser.ParseFrom(message.GetBuffer().AsSpan(0, (int)message.Length));
            return true;
        }
        catch (Exception e) when (e is InvalidProtocolBufferException or InvalidDataException)
        {
            return false;
        }
    }

    /// <summary>A gRPC answer without a message: its status in the response headers, as gRPC itself answers a refusal.</summary>
    private static void WriteTrailersOnly(HttpResponse response, ServiceException error, int httpStatus = StatusCodes.Status200OK)
    {
        var refusal = ErrorInterceptor.ToRpcException(error);
        response.StatusCode = httpStatus;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = ((int)refusal.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = refusal.Status.Detail;
        foreach (var trailer in refusal.Trailers.Where(t => t.IsBinary))
            response.Headers[trailer.Key] = Convert.ToBase64String(trailer.ValueBytes);
    }
}
