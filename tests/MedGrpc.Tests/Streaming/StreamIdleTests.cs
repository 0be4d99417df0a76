using Grpc.Core;
using MedGrpc.Tests.Support;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Tests.Streaming;

/// <summary>MedGrpc:Limits:StreamIdleSeconds on a server of its own (one second), apart from the cap's tests, whose held streams must not time out.</summary>
public sealed class StreamIdleTests : IAsyncLifetime
{
    private readonly TestServer _server = new(settings: ["--MedGrpc:Limits:StreamIdleSeconds=1"]);

    public Task InitializeAsync() => _server.StartAppAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static StreamTranscriptionRequest Audio(byte[] bytes) => new() { AudioEvent = new AudioEvent { AudioChunk = Google.Protobuf.ByteString.CopyFrom(bytes) } };

    [Fact]
    public async Task A_client_silent_for_the_idle_time_is_ended_with_a_clear_error()
    {
        using var call = _server.Jobs.StreamTranscription();
        await call.RequestStream.WriteAsync(new StreamTranscriptionRequest { Settings = StreamAudio.Settings() });
        await call.RequestStream.WriteAsync(Audio(StreamAudio.Encode(MediaFiles.GoForward, "pcm", 1)));

        var e = await Assert.ThrowsAsync<RpcException>(async () => { while (await call.ResponseStream.MoveNext(CancellationToken.None)) { } });

        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Contains("no audio event arrived for 1 seconds", e.Status.Detail);
    }
}
