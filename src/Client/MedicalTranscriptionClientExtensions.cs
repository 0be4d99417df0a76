using System.Runtime.CompilerServices;
using Grpc.Core;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Client;

/// <summary>
/// The conveniences over the generated client: follow a job without polling, start one and wait for its transcript,
/// or stream live audio and read its results as they come.
/// </summary>
public static class MedicalTranscriptionClientExtensions
{
    /// <summary>Every event of the job, from its current state to its terminal event. Refusals surface as <see cref="MedicalTranscriptionException"/>.</summary>
    public static async IAsyncEnumerable<JobEvent> WatchAsync(
        this MedicalTranscription.MedicalTranscriptionClient client,
        string jobName,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        using var call = client.WatchJob(new WatchJobRequest { MedicalTranscriptionJobName = jobName }, cancellationToken: ct);
        while (true)
        {
            JobEvent current;
            try
            {
                if (!await call.ResponseStream.MoveNext(ct)) yield break;
                current = call.ResponseStream.Current;
            }
            catch (RpcException e) when (e.StatusCode != StatusCode.Cancelled)
            {
                throw new MedicalTranscriptionException(e);
            }
            yield return current;
        }
    }

    /// <summary>
    /// Starts the job, follows it over WatchJob and returns it with its transcript once COMPLETED.
    /// Throws <see cref="MedicalTranscriptionException"/> when the service refuses the request,
    /// <see cref="MedicalTranscriptionJobFailedException"/> when the job FAILS.
    /// </summary>
    public static async Task<CompletedJob> StartAndWaitAsync(
        this MedicalTranscription.MedicalTranscriptionClient client,
        StartMedicalTranscriptionJobRequest request,
        IProgress<JobEvent>? progress = null,
        CancellationToken ct = default)
    {
        try
        {
            await client.StartMedicalTranscriptionJobAsync(request, cancellationToken: ct);
        }
        catch (RpcException e)
        {
            throw new MedicalTranscriptionException(e);
        }

        await foreach (var jobEvent in client.WatchAsync(request.MedicalTranscriptionJobName, ct))
        {
            progress?.Report(jobEvent);
            var job = jobEvent.MedicalTranscriptionJob;
            switch (job.TranscriptionJobStatus)
            {
                case TranscriptionJobStatus.Completed:
                    return new CompletedJob(job, jobEvent.Transcript ?? new Transcript());
                case TranscriptionJobStatus.Failed:
                    throw new MedicalTranscriptionJobFailedException(job);
            }
        }
        throw new InvalidOperationException($"WatchJob ended before job '{request.MedicalTranscriptionJobName}' finished.");
    }

    /// <summary>
    /// Live dictation (StreamTranscription): sends the settings, then each chunk of <paramref name="audio"/> as the
    /// service takes it, and yields what the service sends back: the session first, then transcript events whose results
    /// go partial, then final. Pace the audio yourself for live use; a file's chunks may go as fast as the service
    /// takes them. Refusals surface as <see cref="MedicalTranscriptionException"/>.
    /// </summary>
    public static async IAsyncEnumerable<StreamTranscriptionResponse> StreamAsync(
        this MedicalTranscription.MedicalTranscriptionClient client,
        StreamSettings settings,
        IAsyncEnumerable<ReadOnlyMemory<byte>> audio,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var call = client.StreamTranscription(cancellationToken: stopping.Token);
        var sending = SendAsync(call.RequestStream, settings, audio, stopping);
        while (true)
        {
            StreamTranscriptionResponse current;
            try
            {
                if (!await call.ResponseStream.MoveNext(stopping.Token)) break;
                current = call.ResponseStream.Current;
            }
            catch (RpcException e) when (e.StatusCode != StatusCode.Cancelled || !sending.IsFaulted)
            {
                throw new MedicalTranscriptionException(e);
            }
            catch (RpcException) when (sending.IsFaulted)
            {
                break; // the audio source failed and cancelled the call: its error follows
            }
            yield return current;
        }
        await sending;
    }

    private static async Task SendAsync(
        IClientStreamWriter<StreamTranscriptionRequest> requests, StreamSettings settings, IAsyncEnumerable<ReadOnlyMemory<byte>> audio, CancellationTokenSource call)
    {
        try
        {
            await requests.WriteAsync(new StreamTranscriptionRequest { Settings = settings });
            await foreach (var chunk in audio.WithCancellation(call.Token))
                await requests.WriteAsync(new StreamTranscriptionRequest { AudioEvent = new AudioEvent { AudioChunk = Google.Protobuf.ByteString.CopyFrom(chunk.Span) } });
            await requests.CompleteAsync();
        }
        catch (Exception e) when (e is RpcException or InvalidOperationException or OperationCanceledException)
        {
            // The call ended (the service refused the stream, or it was cancelled): the response stream says why.
        }
        catch
        {
            await call.CancelAsync(); // the audio source failed: end the call, then report the source's error
            throw;
        }
    }
}
