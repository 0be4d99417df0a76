using System.Buffers.Binary;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Reflection.V1Alpha;

namespace MedGrpc.Bench.Fuzz;

/// <summary>
/// Generated requests over every method the service serves — the list comes from the service's own reflection, each
/// method's messages from its descriptor — sent as raw gRPC over a few HTTP/2 connections, so that hostile bodies
/// (bytes that aren't the message, truncated and oversized frames, a compressed flag without an encoding, the wrong
/// content type, unknown methods) go out exactly as written. Each answer's grpc-status (or HTTP status) is counted.
/// </summary>
public sealed class GrpcFuzzer(string address, FuzzWorld world, FuzzTally tally)
{
    /// <summary>Streaming calls get a deadline so that a watch of a running job or a live stream ends in time.</summary>
    private const string StreamDeadline = "2S";

    private static readonly MediaTypeHeaderValue GrpcContentType = new("application/grpc");

    /// <summary>The methods of every service the server lists through reflection, with the descriptors of the loaded assemblies.</summary>
    public static async Task<IReadOnlyList<MethodDescriptor>> ServedMethodsAsync(Grpc.Net.Client.GrpcChannel channel)
    {
        // The assemblies of the services the host maps besides MedGrpc's own are loaded here first, so their descriptors are found.
        _ = (Grpc.Health.V1.HealthReflection.Descriptor, ReflectionReflection.Descriptor, MedGrpc.Transcribe.V1.ObjectStoreReflection.Descriptor);
        var known = AppDomain.CurrentDomain.GetAssemblies()
            .SelectMany(a => { try { return a.GetTypes(); } catch (System.Reflection.ReflectionTypeLoadException) { return []; } })
            .Where(t => t.Name.EndsWith("Reflection", StringComparison.Ordinal) && t.GetProperty("Descriptor")?.PropertyType == typeof(FileDescriptor))
            .Select(t => (FileDescriptor)t.GetProperty("Descriptor")!.GetValue(null)!)
            .SelectMany(f => f.Services)
            .GroupBy(s => s.FullName).ToDictionary(g => g.Key, g => g.First());
        using var call = new ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        await call.ResponseStream.MoveNext(CancellationToken.None);
        var served = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
        var missing = served.Where(s => !known.ContainsKey(s)).ToList();
        if (missing.Count > 0) throw new InvalidOperationException($"served but without a descriptor here: {string.Join(", ", missing)}");
        return served.SelectMany(s => known[s].Methods).ToList();
    }

    public static HttpMessageInvoker Connections() => new(new SocketsHttpHandler
    {
        EnableMultipleHttp2Connections = true,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        AutomaticDecompression = DecompressionMethods.None,
    });

    public async Task SendOneAsync(HttpMessageInvoker http, MethodDescriptor method, MessageGenerator generator, Random random, CancellationToken ct)
    {
        var roll = random.Next(100);
        var kind = roll < 40 ? RequestKind.Valid : roll < 75 ? RequestKind.NearValid : RequestKind.Hostile;
        var leaves = new List<(IMessage Message, FieldDescriptor Field)>();
        var messages = method.IsClientStreaming ? generator.ValidStream(method.InputType, leaves) : [generator.Valid(method.InputType, leaves)];
        var what = "valid";
        if (kind == RequestKind.NearValid) what = generator.MutateOne(leaves);
        var path = $"/{method.Service.FullName}/{method.Name}";
        var body = Frames(messages.Select(m => m.ToByteArray()));
        var contentType = GrpcContentType;
        var headers = new List<(string, string)>();
        if (kind == RequestKind.Hostile) (path, body, contentType, what) = Hostile(random, path, messages, headers);

        using var request = new HttpRequestMessage(HttpMethod.Post, address + path)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = contentType;
        request.Headers.TryAddWithoutValidation("te", "trailers");
        if (method.IsServerStreaming || method.IsClientStreaming) request.Headers.TryAddWithoutValidation("grpc-timeout", StreamDeadline);
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);

        string outcome;
        var failure = false;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(method.IsServerStreaming || method.IsClientStreaming ? 10 : 60));
            using var response = await http.SendAsync(request, timeout.Token);
            var answer = await response.Content.ReadAsByteArrayAsync(timeout.Token);
            var status = Header(response, "grpc-status");
            if (status is null)
            {
                outcome = $"HTTP {(int)response.StatusCode}";
                failure = (int)response.StatusCode >= 500;
            }
            else
            {
                var code = (StatusCode)int.Parse(status);
                outcome = code.ToString();
                failure = code is StatusCode.Internal or StatusCode.Unknown;
                if (code == StatusCode.OK) Accepted(method, answer);
            }
            if (failure) outcome += $" '{Uri.UnescapeDataString(Header(response, "grpc-message") ?? "")}'";
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested && method.IsServerStreaming && headers.Any(h => h.Item1 == "grpc-timeout"))
        {
            // A stream asked to run without a (readable) deadline, e.g. Health/Watch, which never ends by design: the client ends it.
            outcome = "stream ended by the client";
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            outcome = $"transport {e.GetType().Name}: {e.InnerException?.Message ?? e.Message}";
            failure = true;
            if (Environment.GetEnvironmentVariable("FUZZ_DEBUG") is not null) Console.Error.WriteLine($"transport failure, {what} {path}: {e}");
        }
        tally.Count(kind, method.Name, outcome, failure,
            () => $"{what}; POST {path} content-type {contentType} {string.Join(' ', headers.Select(h => $"{h.Item1}: {h.Item2}"))}; body (base64, first 2 KB) {Convert.ToBase64String(body, 0, Math.Min(body.Length, 2048))}");
    }

    /// <summary>Counts accepted Starts and vocabularies against the cap and keeps the NextTokens the Lists hand out.</summary>
    private void Accepted(MethodDescriptor method, byte[] answer)
    {
        if (method.Name == "StartMedicalTranscriptionJob") world.JobAccepted();
        if (method.Name == "CreateMedicalVocabulary") world.VocabularyAccepted();
        if (method.IsServerStreaming || answer.Length < 5 || method.OutputType.FindFieldByName("next_token") is not { } tokenField) return;
        try
        {
            var message = method.OutputType.Parser.ParseFrom(answer, 5, answer.Length - 5);
            if (tokenField.Accessor.GetValue(message) is string { Length: > 0 } token) world.TokenIssued(token);
        }
        catch (InvalidProtocolBufferException) { }
    }

    private static (string Path, byte[] Body, MediaTypeHeaderValue ContentType, string What) Hostile(
        Random random, string path, IReadOnlyList<IMessage> messages, List<(string, string)> headers)
    {
        var message = messages[0].ToByteArray();
        switch (random.Next(13))
        {
            case 0: return (path, Frames([RandomBytes(random, random.Next(300))]), GrpcContentType, "random bytes as the message");
            case 1:
                var cut = message.Length == 0 ? 0 : random.Next(message.Length);
                return (path, Frames([message[..cut]]), GrpcContentType, $"message cut at {cut} of {message.Length} bytes");
            case 2:
                var claimed = Frames([message]);
                BinaryPrimitives.WriteUInt32BigEndian(claimed.AsSpan(1), (uint)(message.Length + 1 + random.Next(1000)));
                return (path, claimed, GrpcContentType, "frame longer than the body");
            case 3:
                var compressed = Frames([message]);
                compressed[0] = 1;
                return (path, compressed, GrpcContentType, "compressed flag without grpc-encoding");
            case 4:
                headers.Add(("grpc-encoding", "gzip"));
                var gzip = Frames([random.Next(2) == 0 ? RandomBytes(random, 64) : Gzip(RandomBytes(random, 64))]);
                gzip[0] = 1;
                return (path, gzip, GrpcContentType, "gzip flag over random or gzipped random bytes");
            case 5:
                var type = new[] { "application/json", "text/plain", "application/grpc+json", "application/grpc-web" }[random.Next(4)];
                return (path, Frames([message]), new MediaTypeHeaderValue(type), $"content type {type}");
            case 6:
                var service = path[..path.LastIndexOf('/')];
                var other = random.Next(2) == 0 ? $"{service}/NoSuchMethod" : "/medgrpc.transcribe.v1.NoSuchService/Get";
                return (other, Frames([message]), GrpcContentType, "unknown method");
            case 7: return (path, [], GrpcContentType, "empty body");
            case 8: return (path, Frames([message, message]), GrpcContentType, "two messages");
            case 9:
                var flipped = (byte[])message.Clone();
                for (var i = 0; i < 1 + random.Next(3) && flipped.Length > 0; i++) flipped[random.Next(flipped.Length)] ^= (byte)(1 << random.Next(8));
                return (path, Frames([flipped]), GrpcContentType, "bits flipped");
            case 10:
                // Oversized: rare, as each costs a megabyte on both sides.
                if (random.Next(50) != 0) goto case 0;
                return (path, Frames([RandomBytes(random, (1 << 20) + random.Next(1 << 19))]), GrpcContentType, "a message over 1 MiB");
            case 11:
                headers.Add(("grpc-timeout", new[] { "abc", "-1S", "99999999999H", "0n" }[random.Next(4)]));
                return (path, Frames([message]), GrpcContentType, "a malformed or zero grpc-timeout");
            default:
                var frame = Frames([message]);
                return (path, frame[..random.Next(Math.Min(frame.Length, 5))], GrpcContentType, "a frame header cut short");
        }
    }

    /// <summary>gRPC's length-prefixed messages: a compressed flag, a big-endian length, the bytes.</summary>
    public static byte[] Frames(IEnumerable<byte[]> messages)
    {
        using var body = new MemoryStream();
        Span<byte> header = stackalloc byte[5];
        foreach (var message in messages)
        {
            header[0] = 0;
            BinaryPrimitives.WriteUInt32BigEndian(header[1..], (uint)message.Length);
            body.Write(header);
            body.Write(message);
        }
        return body.ToArray();
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.TrailingHeaders.TryGetValues(name, out var trailer) ? trailer.FirstOrDefault()
        : response.Headers.TryGetValues(name, out var header) ? header.FirstOrDefault() : null;

    private static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest)) gzip.Write(data);
        return output.ToArray();
    }
}
