using Grpc.Core;
using MedGrpc.Client;
using MedGrpc.Tests.Support;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Tests.Streaming;

/// <summary>MedGrpc:Limits:MaxConcurrentStreams on a server of its own (one stream).</summary>
public sealed class StreamLimitsTests : IAsyncLifetime
{
    private readonly TestServer _server = new(settings: ["--MedGrpc:Limits:MaxConcurrentStreams=1"]);

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
    public async Task A_stream_the_client_cancels_mid_utterance_gives_its_slot_and_decoder_back()
    {
        var audio = StreamAudio.Encode(SpeechSet.Audio("dev-dict-01.wav"), "pcm", 6);
        using (var cancelled = new CancellationTokenSource())
        {
            using var call = _server.Jobs.StreamTranscription(cancellationToken: cancelled.Token);
            await call.RequestStream.WriteAsync(new StreamTranscriptionRequest { Settings = StreamAudio.Settings() });
            await call.RequestStream.WriteAsync(Audio(audio[..(audio.Length / 2)]));
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
                if (call.ResponseStream.Current.TranscriptEvent?.Transcript.Results.Any(r => r.IsPartial) == true) break; // mid-utterance
            await cancelled.CancelAsync();
        }

        // The one slot is free again once the server has seen the cancellation, and the decoder it returns starts clean.
        var finals = await RetryWhileRefusedAsync(() => _server.StreamAllAsync(StreamAudio.Settings(), audio));

        var alone = await _server.StreamAllAsync(StreamAudio.Settings(), audio);
        Assert.Equal(alone.FinalText(), finals.FinalText());
    }

    private static async Task<List<StreamTranscriptionResponse>> RetryWhileRefusedAsync(Func<Task<List<StreamTranscriptionResponse>>> stream)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await stream();
            }
            catch (MedicalTranscriptionException e) when (e.StatusCode == StatusCode.ResourceExhausted && attempt < 50)
            {
                await Task.Delay(100);
            }
        }
    }
}
