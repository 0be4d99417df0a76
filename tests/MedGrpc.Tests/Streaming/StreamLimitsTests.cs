using Grpc.Core;
using MedGrpc.Client;
using MedGrpc.Tests.Support;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Tests.Streaming;

/// <summary>MedGrpc:Limits:MaxConcurrentStreams and StreamIdleSeconds on a server of their own (one stream, one second).</summary>
public sealed class StreamLimitsTests : IAsyncLifetime
{
    private readonly TestServer _server = new(settings: ["--MedGrpc:Limits:MaxConcurrentStreams=1", "--MedGrpc:Limits:StreamIdleSeconds=1"]);

    public Task InitializeAsync() => _server.StartAppAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static StreamTranscriptionRequest Audio(byte[] bytes) => new() { AudioEvent = new AudioEvent { AudioChunk = Google.Protobuf.ByteString.CopyFrom(bytes) } };

    [Fact]
    public async Task A_stream_beyond_the_cap_is_refused_with_LimitExceeded_while_the_first_goes_on()
    {
        using var first = _server.Jobs.StreamTranscription();
        await first.RequestStream.WriteAsync(new StreamTranscriptionRequest { Settings = StreamAudio.Settings() });
        Assert.True(await first.ResponseStream.MoveNext(CancellationToken.None)); // its session: it holds the one slot

        var e = await Assert.ThrowsAsync<MedicalTranscriptionException>(() =>
            _server.StreamAllAsync(StreamAudio.Settings(), StreamAudio.Encode(MediaFiles.GoForward, "pcm", 3)));

        Assert.Equal(StatusCode.ResourceExhausted, e.StatusCode);
        Assert.Equal("LimitExceededException", e.AwsError);
        Assert.Contains("MaxConcurrentStreams", e.Message);
        await first.RequestStream.WriteAsync(Audio(StreamAudio.Encode(MediaFiles.GoForward, "pcm", 3)));
        await first.RequestStream.CompleteAsync();
        var finals = 0;
        while (await first.ResponseStream.MoveNext(CancellationToken.None))
            finals += first.ResponseStream.Current.TranscriptEvent.Transcript.Results.Count(r => !r.IsPartial);
        Assert.Equal(1, finals);
    }

    [Fact]
    public async Task A_slot_is_free_again_once_its_stream_ends()
    {
        var audio = StreamAudio.Encode(MediaFiles.GoForward, "pcm", 3);
        await _server.StreamAllAsync(StreamAudio.Settings(), audio);

        var responses = await _server.StreamAllAsync(StreamAudio.Settings(), audio);

        Assert.NotEmpty(responses.Finals());
    }

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
