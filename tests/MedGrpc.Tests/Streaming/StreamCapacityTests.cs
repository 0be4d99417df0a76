using MedGrpc.Client;
using MedGrpc.Core.Engines;
using MedGrpc.Core.Ports;
using MedGrpc.Core.Streaming;
using MedGrpc.Tests.Support;
using MedGrpc.Transcribe.V1;
using Microsoft.Extensions.DependencyInjection;

namespace MedGrpc.Tests.Streaming;

/// <summary>
/// Streams and jobs never wait for each other's share of the engine (docs/streaming.md, "Capacity: streams and jobs"): on
/// a server with one decoder for jobs and one stream slot, a job runs while the slot is held, and a stream is served
/// while a job holds the decoder. Either would hang if the two drew on one pool of decoders.
/// </summary>
public sealed class StreamCapacityTests : IAsyncLifetime
{
    private readonly TestServer _server = new(settings: ["--MedGrpc:Decoders=1", "--MedGrpc:Limits:MaxConcurrentStreams=1", "--MedGrpc:Limits:StreamIdleSeconds=300"]);

    public async Task InitializeAsync()
    {
        await _server.StartAppAsync();
        _server.CreateBucket("out");
        _server.CreateBucket("media");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_job_completes_while_every_stream_slot_is_held()
    {
        using var stream = _server.Jobs.StreamTranscription();
        await stream.RequestStream.WriteAsync(new StreamTranscriptionRequest { Settings = StreamAudio.Settings() });
        Assert.True(await stream.ResponseStream.MoveNext(CancellationToken.None)); // the session: the one slot is taken
        var slots = (StreamSlots)_server.Services.GetRequiredService<IEngineCapacity>();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3));

        var job = await _server.Jobs.StartAndWaitAsync(Requests.Dictation("beside-a-stream", _server.PutFile("media", "beside-a-stream.wav", MediaFiles.GoForward)), ct: limit.Token);

        Assert.Equal(1, slots.Active);
        Assert.Contains("forward", job.Text, StringComparison.OrdinalIgnoreCase);
        await stream.RequestStream.CompleteAsync();
        while (await stream.ResponseStream.MoveNext(CancellationToken.None)) { }
    }

    [Fact]
    public async Task A_stream_is_served_while_a_job_holds_every_decoder()
    {
        var pool = _server.Services.GetRequiredService<DecoderPool>();
        // 68 s of dictation: tens of seconds of the one decoder, against about a second for the stream's 3 s.
        await _server.Jobs.StartMedicalTranscriptionJobAsync(Requests.Dictation("holds-the-decoder", _server.PutFile("media", "holds-the-decoder.wav", SpeechSet.Audio("dev-dict-01.wav"))));
        using (var waiting = new CancellationTokenSource(TimeSpan.FromMinutes(2)))
            while (pool.Busy < pool.Size) await Task.Delay(50, waiting.Token);

        var responses = await _server.StreamAllAsync(StreamAudio.Settings(), StreamAudio.Encode(MediaFiles.GoForward, "pcm", 3));

        var job = (await _server.Jobs.GetMedicalTranscriptionJobAsync(new GetMedicalTranscriptionJobRequest { MedicalTranscriptionJobName = "holds-the-decoder" })).MedicalTranscriptionJob;
        Assert.Equal(TranscriptionJobStatus.InProgress, job.TranscriptionJobStatus);
        Assert.Contains("forward", responses.FinalText(), StringComparison.OrdinalIgnoreCase);
    }
}
