using Google.Rpc;
using Grpc.Core;
using MedGrpc.Client;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Tests.Support;

public static class JobAssertions
{
    /// <summary>Follows the job over WatchJob to its end and returns every event.</summary>
    public static Task<List<JobEvent>> WatchToEndAsync(this TestServer server, string jobName, TimeSpan? timeout = null) =>
        server.Jobs.WatchToEndAsync(jobName, timeout);

    /// <summary>As above, through a client of its own (a service process's, another account's).</summary>
    public static async Task<List<JobEvent>> WatchToEndAsync(this MedicalTranscription.MedicalTranscriptionClient jobs, string jobName, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(3));
        var events = new List<JobEvent>();
        await foreach (var e in jobs.WatchAsync(jobName, cts.Token)) events.Add(e);
        return events;
    }

    /// <summary>Follows the job until it is IN_PROGRESS recognising speech: a moment to interrupt it mid-run.</summary>
    public static async Task WaitForRecognitionAsync(this MedicalTranscription.MedicalTranscriptionClient jobs, string name)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await foreach (var e in jobs.WatchAsync(name, timeout.Token))
            if (e.MedicalTranscriptionJob.TranscriptionJobStatus == TranscriptionJobStatus.InProgress && e.Stage == "recognize") return;
        throw new InvalidOperationException($"job {name} ended before recognition was under way");
    }

    /// <summary>Starts a job for the media and returns its terminal job.</summary>
    public static async Task<MedicalTranscriptionJob> RunAsync(this TestServer server, StartMedicalTranscriptionJobRequest request)
    {
        await server.Jobs.StartMedicalTranscriptionJobAsync(request);
        return (await server.WatchToEndAsync(request.MedicalTranscriptionJobName))[^1].MedicalTranscriptionJob;
    }

    public static async Task<RpcException> RefusedAsync(Func<Task> call, StatusCode code, string awsError)
    {
        var e = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(code, e.StatusCode);
        Assert.Equal(awsError, e.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason);
        return e;
    }
}
