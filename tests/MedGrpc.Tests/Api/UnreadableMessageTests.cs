using Google.Protobuf;
using Grpc.Core;
using MedGrpc.Tests.Support;
using MedGrpc.Transcribe.V1;
using Microsoft.Extensions.Logging;

namespace MedGrpc.Tests.Api;

/// <summary>
/// A body that is not the method's protobuf message, on every unary and server-streaming method: a BadRequestException
/// (the request is read before any interceptor runs, so each method is tried), and logged as one line per caller and
/// interval, never as a stack trace (a flood of such bodies must not flood the log).
/// </summary>
public sealed class UnreadableMessageTests : IAsyncLifetime
{
    private readonly CapturedLogs _logs = new();
    private TestServer _server = null!;

    // Bytes no protobuf encoder writes (field 0 of an invalid wire type): the request can't be read at all.
    private static readonly byte[] Unreadable = [0xFF, 0xFF, 0xFF];

    public async Task InitializeAsync()
    {
        _server = new TestServer(settings: "--Logging:LogLevel:Default=Information") { Configure = b => b.Logging.AddProvider(_logs) };
        await _server.StartAppAsync();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    /// <summary>Every method a caller sends one message to: the unary and server-streaming ones of both services.</summary>
    public static TheoryData<string, string> SingleMessageMethods()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in new[] { MedicalTranscriptionReflection.Descriptor, ObjectStoreReflection.Descriptor })
            foreach (var service in file.Services)
                foreach (var method in service.Methods.Where(m => !m.IsClientStreaming))
                    data.Add(service.FullName, method.Name);
        return data;
    }

    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(b => b, b => b);

    private async Task SendUnreadableAsync(string service, string method)
    {
        var descriptor = new[] { MedicalTranscriptionReflection.Descriptor, ObjectStoreReflection.Descriptor }
            .SelectMany(f => f.Services).Single(s => s.FullName == service).FindMethodByName(method);
        var invoker = _server.Channel.CreateCallInvoker();
        if (descriptor.IsServerStreaming)
        {
            using var call = invoker.AsyncServerStreamingCall(new Method<byte[], byte[]>(MethodType.ServerStreaming, service, method, Bytes, Bytes), null, new CallOptions(), Unreadable);
            while (await call.ResponseStream.MoveNext(CancellationToken.None)) { }
        }
        else
        {
            await invoker.AsyncUnaryCall(new Method<byte[], byte[]>(MethodType.Unary, service, method, Bytes, Bytes), null, new CallOptions(), Unreadable);
        }
    }

    [Theory]
    [MemberData(nameof(SingleMessageMethods))]
    public async Task An_unreadable_body_is_a_BadRequestException(string service, string method)
    {
        var e = await JobAssertions.RefusedAsync(() => SendUnreadableAsync(service, method), StatusCode.InvalidArgument, "BadRequestException");
        Assert.Contains("isn't a valid protobuf message", e.Status.Detail);
    }

    [Fact]
    public async Task A_gzip_compressed_request_is_read_and_an_unreadable_one_refused()
    {
        // The client compresses its request when asked to by this header (Grpc.Net.Client's own convention).
        var gzip = new CallOptions(new Metadata { { "grpc-internal-encoding-request", "gzip" } });
        var list = await _server.Jobs.ListMedicalTranscriptionJobsAsync(new ListMedicalTranscriptionJobsRequest { MaxResults = 5 }, gzip);
        Assert.Empty(list.MedicalTranscriptionJobSummaries);

        var raw = new Method<byte[], byte[]>(MethodType.Unary, "medgrpc.transcribe.v1.MedicalTranscription", "ListMedicalTranscriptionJobs", Bytes, Bytes);
        await JobAssertions.RefusedAsync(async () => await _server.Channel.CreateCallInvoker().AsyncUnaryCall(raw, null, gzip, Unreadable),
            StatusCode.InvalidArgument, "BadRequestException");
    }

    [Fact]
    public async Task A_body_beyond_a_mebibyte_is_a_BadRequestException_as_on_the_AWS_endpoint()
    {
        var huge = new GetMedicalTranscriptionJobRequest { MedicalTranscriptionJobName = new string('a', 2 << 20) };
        var e = await JobAssertions.RefusedAsync(async () => await _server.Jobs.GetMedicalTranscriptionJobAsync(huge),
            StatusCode.InvalidArgument, "BadRequestException");
        Assert.Contains("larger than 1048576 bytes", e.Status.Detail);
    }

    /// <summary>Raw bytes POSTed over h2c as a gRPC client would: the answer's HTTP status and its grpc-status and grpc-message.</summary>
    private async Task<(int Http, string? Status, string? Message)> PostRawAsync(string path, byte[] body, string contentType = "application/grpc")
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, _server.Address + path)
        {
            Version = System.Net.HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        request.Headers.TryAddWithoutValidation("te", "trailers");
        using var response = await http.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        string? Header(string name) => response.TrailingHeaders.TryGetValues(name, out var t) ? t.First()
            : response.Headers.TryGetValues(name, out var h) ? h.First() : null;
        return ((int)response.StatusCode, Header("grpc-status"), Header("grpc-message") is { } m ? Uri.UnescapeDataString(m) : null);
    }

    private static byte[] Frame(byte[] message, byte flag = 0, int? length = null) =>
        [flag, .. BitConverter.GetBytes(System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(length ?? message.Length)), .. message];

    private static readonly string InvalidArgument = ((int)StatusCode.InvalidArgument).ToString();

    // Found by the fuzz bench: gRPC answered these INTERNAL, though the caller sent them.
    [Fact]
    public async Task A_compressed_flag_without_a_grpc_encoding_is_a_BadRequestException()
    {
        var list = new ListMedicalTranscriptionJobsRequest { MaxResults = 1 }.ToByteArray();
        var (_, status, message) = await PostRawAsync("/medgrpc.transcribe.v1.MedicalTranscription/ListMedicalTranscriptionJobs", Frame(list, flag: 1));
        Assert.Equal(InvalidArgument, status);
        Assert.Contains("isn't a valid protobuf message", message);
    }

    [Theory]
    [InlineData("/medgrpc.transcribe.v1.MedicalTranscription/GetMedicalTranscriptionJob", "application/json")]
    [InlineData("/medgrpc.transcribe.v1.ObjectStore/PutObject", "text/plain")]
    [InlineData("/grpc.health.v1.Health/Check", "application/grpc-web")]
    public async Task Another_content_type_is_415_with_a_BadRequestException(string path, string contentType)
    {
        var (http, status, message) = await PostRawAsync(path, Frame([]), contentType);
        Assert.Equal(415, http);
        Assert.Equal(InvalidArgument, status);
        Assert.Contains($"not '{contentType}'", message);
    }

    [Fact]
    public async Task An_unreadable_health_check_is_a_BadRequestException()
    {
        var (_, status, _) = await PostRawAsync("/grpc.health.v1.Health/Check", Frame([0x0A, 0x06, 0x66]));
        Assert.Equal(InvalidArgument, status);
    }

    [Theory]
    [InlineData(1, null)]
    [InlineData(0, 1000)]
    public async Task A_streamed_frame_cut_short_or_compressed_without_an_encoding_is_a_BadRequestException(byte flag, int? claimedLength)
    {
        var location = new PutObjectRequest { Location = new ObjectLocation { Bucket = "media", Key = "a.wav" } }.ToByteArray();
        var (_, status, message) = await PostRawAsync("/medgrpc.transcribe.v1.ObjectStore/PutObject", Frame(location, flag, claimedLength));
        Assert.Equal(InvalidArgument, status);
        Assert.Contains("isn't a valid protobuf message", message);
    }

    // Found by the fuzz bench: the refusal of a huge name quoted it whole in the trailers, past HttpClient's 64 KB
    // header limit, and the client dropped the connection with every call on it.
    [Fact]
    public async Task A_refused_huge_name_answers_InvalidArgument_and_the_connection_serves_on()
    {
        var huge = new GetMedicalTranscriptionJobRequest { MedicalTranscriptionJobName = new string('n', 70_000) };
        await JobAssertions.RefusedAsync(async () => await _server.Jobs.GetMedicalTranscriptionJobAsync(huge), StatusCode.InvalidArgument, "BadRequestException");
        Assert.NotNull(await _server.Jobs.ListMedicalTranscriptionJobsAsync(new ListMedicalTranscriptionJobsRequest()));
    }

    [Fact]
    public async Task Unreadable_bodies_from_one_caller_on_every_method_are_logged_once_without_a_stack_trace()
    {
        foreach (var (service, method) in SingleMessageMethods().Select(row => ((string)row[0], (string)row[1])))
            for (var i = 0; i < 5; i++)
                await Assert.ThrowsAsync<RpcException>(() => SendUnreadableAsync(service, method));

        // And a streamed message, read inside the handler.
        for (var i = 0; i < 5; i++)
        {
            var put = new Method<byte[], byte[]>(MethodType.ClientStreaming, "medgrpc.transcribe.v1.ObjectStore", "PutObject", Bytes, Bytes);
            using var call = _server.Channel.CreateCallInvoker().AsyncClientStreamingCall(put, null, new CallOptions());
            try
            {
                await call.RequestStream.WriteAsync(Unreadable);
                await call.RequestStream.CompleteAsync();
            }
            catch (RpcException)
            {
                // The service may answer before the stream is complete; the call carries its status.
            }
            await JobAssertions.RefusedAsync(async () => await call, StatusCode.InvalidArgument, "BadRequestException");
        }

        var logs = _logs.Entries;
        Assert.DoesNotContain(logs, l => l.Exception is not null);
        Assert.DoesNotContain(logs, l => l.Text.Contains("InvalidProtocolBufferException"));
        var line = Assert.Single(logs, l => l.Message.Contains("Refused a request body"));
        Assert.Contains("isn't the method's protobuf message", line.Message);
        Assert.Equal(LogLevel.Warning, line.Level);
    }
}
