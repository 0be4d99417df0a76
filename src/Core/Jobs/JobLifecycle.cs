using System.Diagnostics;
using MedGrpc.Core.Errors;
using MedGrpc.Core.Model;
using MedGrpc.Core.Ports;
using MedGrpc.Core.Telemetry;

namespace MedGrpc.Core.Jobs;

/// <summary>
/// The one place a job's state changes: QUEUED → IN_PROGRESS → COMPLETED | FAILED (a recorded live stream's job is
/// stored at its end, COMPLETED or FAILED). Every change is persisted first, then published to watchers.
/// </summary>
public sealed class JobLifecycle(IJobStore store, IJobEvents events, ServiceMetrics metrics, TimeProvider clock, ILogger<JobLifecycle> log)
{
    public async Task<Job> CreateAsync(string accountId, JobRequest request, CancellationToken ct)
    {
        var job = new Job
        {
            AccountId = accountId,
            Request = request,
            Status = JobStatus.Queued,
            CreationTime = Now(),
            MediaFormat = request.MediaFormat,
            MediaSampleRateHertz = request.MediaSampleRateHertz,
            Stage = JobStages.Queued,
            // The Start call's trace: the job's run, on whichever replica, continues it (JobTracing).
            TraceParent = Activity.Current?.Id,
        };
        if (!await store.TryInsertAsync(job, ct)) throw ServiceException.JobNameTaken();
        log.LogInformation("Job {JobName} of account {AccountId} queued", job.Name, job.AccountId);
        events.Publish(job);
        return job;
    }

    /// <summary>A worker takes the job up; a job recovered after a restart keeps its first StartTime.</summary>
    public Task<Job> BeginAsync(Job job, CancellationToken ct) =>
        SaveAsync(job with
        {
            Status = JobStatus.InProgress,
            StartTime = job.StartTime ?? Now(),
            Stage = JobStages.Decode,
            ProgressPercent = 0,
        }, ct);

    public Task<Job> ReportProgressAsync(Job job, string stage, int percent, CancellationToken ct) =>
        SaveAsync(job with { Stage = stage, ProgressPercent = Math.Clamp(percent, 0, 99) }, ct);

    public Task<Job> CompleteAsync(Job job, string transcriptFileUri, string? mediaFormat, int? sampleRate, CancellationToken ct) =>
        SaveAsync(job with
        {
            Status = JobStatus.Completed,
            CompletionTime = Now(),
            TranscriptFileUri = transcriptFileUri,
            MediaFormat = mediaFormat ?? job.MediaFormat,
            MediaSampleRateHertz = sampleRate ?? job.MediaSampleRateHertz,
            Stage = JobStages.Completed,
            ProgressPercent = 100,
        }, ct);

    public Task<Job> FailAsync(Job job, JobFailure failure, CancellationToken ct) =>
        SaveAsync(job with
        {
            Status = JobStatus.Failed,
            CompletionTime = Now(),
            FailureReason = failure.Reason,
            FailureKind = failure.Kind,
            Stage = JobStages.Failed,
            ProgressPercent = 100,
        }, ct);

    /// <summary>
    /// A live stream recorded to a job (Streaming/StreamRecording): its work ran in the stream, so the job is stored
    /// already ended, COMPLETED with its transcript or FAILED with the reason the stream ended. It is never queued, so no
    /// worker (of any replica) takes it up; Get, List and WatchJob see it as any ended job.
    /// </summary>
    public async Task<Job> RecordStreamAsync(string accountId, JobRequest request, DateTimeOffset started, string? transcriptFileUri, JobFailure? failure, CancellationToken ct)
    {
        var job = new Job
        {
            AccountId = accountId,
            Request = request,
            Status = failure is null ? JobStatus.Completed : JobStatus.Failed,
            CreationTime = started,
            StartTime = started,
            CompletionTime = Now(),
            TranscriptFileUri = failure is null ? transcriptFileUri : null,
            FailureReason = failure?.Reason,
            FailureKind = failure?.Kind,
            MediaFormat = request.MediaFormat,
            MediaSampleRateHertz = request.MediaSampleRateHertz,
            Stage = failure is null ? JobStages.Completed : JobStages.Failed,
            ProgressPercent = 100,
            TraceParent = Activity.Current?.Id,
        };
        if (!await store.TryInsertAsync(job, ct)) throw ServiceException.JobNameTaken();
        metrics.JobEnded(job);
        log.LogInformation("Job {JobName} of account {AccountId} recorded from a stream: {JobStatus} {FailureReason}", job.Name, job.AccountId, job.Status.ToAws(), job.FailureReason);
        events.Publish(job);
        return job;
    }

    private async Task<Job> SaveAsync(Job job, CancellationToken ct)
    {
        if (!await store.UpdateAsync(job, ct)) throw new JobEndedElsewhereException(job.Name);
        if (job.Status.IsTerminal())
        {
            metrics.JobEnded(job);
            log.LogInformation("Job {JobName} of account {AccountId} {JobStatus} {FailureReason}", job.Name, job.AccountId, job.Status.ToAws(), job.FailureReason);
        }
        events.Publish(job);
        return job;
    }

    private DateTimeOffset Now() => clock.GetUtcNow();
}
