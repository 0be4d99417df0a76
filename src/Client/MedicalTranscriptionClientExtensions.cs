using System.Runtime.CompilerServices;
using Grpc.Core;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Client;

/// <summary>The conveniences over the generated client: follow a job without polling, or start one and wait for its transcript.</summary>
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
}
