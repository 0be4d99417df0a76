using System.Runtime.CompilerServices;
using Grpc.Core;
using MedGrpc.Core.Errors;
using MedGrpc.Core.Validation;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Service.Api;

/// <summary>StreamTranscription, live dictation: the edge over <see cref="Core.Streaming.StreamTranscriber"/>.</summary>
public sealed partial class MedicalTranscriptionApi
{
    public override async Task StreamTranscription(
        IAsyncStreamReader<StreamTranscriptionRequest> requestStream, IServerStreamWriter<StreamTranscriptionResponse> responseStream, ServerCallContext context)
    {
        using var call = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.ApplicationStopping);
        var idle = TimeSpan.FromSeconds(Math.Max(0.1, _limits.StreamIdleSeconds));
        var first = await NextAsync(requestStream, idle, call.Token);
        if (first is null) return; // the client ended the stream before it began
        if (first.EventCase != StreamTranscriptionRequest.EventOneofCase.Settings) throw RequestValidator.StreamOutOfOrder(settingsSeen: false);

        using var stream = await _streams.OpenAsync(_callers.Of(context), StreamMapping.ToDomain(first.Settings), call.Token);
        await responseStream.WriteAsync(new StreamTranscriptionResponse { Session = StreamMapping.ToSession(stream) }, call.Token);
        var started = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            await foreach (var result in stream.RunAsync(AudioAsync(requestStream, idle, call.Token), call.Token))
                await responseStream.WriteAsync(new StreamTranscriptionResponse { TranscriptEvent = StreamMapping.ToEvent(result) }, call.Token);
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested && !context.CancellationToken.IsCancellationRequested)
        {
            throw new ServiceException(AwsError.ServiceUnavailableException,
                "The server is shutting down: the stream ended. Start a new stream to go on.");
        }
        finally
        {
            _streamLog.LogInformation("Stream {SessionId} ended after {AudioSeconds:0.0} s of audio in {ElapsedSeconds:0.0} s: {ResultCount} results",
                stream.SessionId, stream.AudioSeconds, started.Elapsed.TotalSeconds, stream.ResultCount);
        }
    }

    /// <summary>The audio events after the settings; a second settings message is out of order.</summary>
    private static async IAsyncEnumerable<ReadOnlyMemory<byte>> AudioAsync(
        IAsyncStreamReader<StreamTranscriptionRequest> requestStream, TimeSpan idle, [EnumeratorCancellation] CancellationToken ct)
    {
        while (await NextAsync(requestStream, idle, ct) is { } message)
        {
            if (message.EventCase != StreamTranscriptionRequest.EventOneofCase.AudioEvent) throw RequestValidator.StreamOutOfOrder(settingsSeen: true);
            yield return message.AudioEvent.AudioChunk.Memory;
        }
    }

    /// <summary>The client's next message, null at its end; a client silent for the idle time is ended with an error.</summary>
    private static async Task<StreamTranscriptionRequest?> NextAsync(
        IAsyncStreamReader<StreamTranscriptionRequest> requestStream, TimeSpan idle, CancellationToken ct)
    {
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(ct);
        waiting.CancelAfter(idle);
        try
        {
            return await requestStream.MoveNext(waiting.Token) ? requestStream.Current : null;
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or InvalidOperationException
                                  && waiting.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            throw RequestValidator.StreamIdle(idle.TotalSeconds);
        }
        catch (IOException e) when (!waiting.IsCancellationRequested)
        {
            // Kestrel reports a client that cancelled or dropped its call as a reset request stream, sometimes before the
            // call's token is cancelled: it is the client leaving, and the recorded job should say so.
            throw new OperationCanceledException("The client ended the call.", e, ct);
        }
    }
}
