using System.Diagnostics;
using Grpc.Core;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Bench.ScaleOut;

/// <summary>
/// One WatchJob stream, read until the server ends it, and what it saw when. Event latency is the
/// client's receipt time minus the server's own time of the transition: StartTime for IN_PROGRESS and
/// CompletionTime for COMPLETED, both set just before the store write (one clock on loopback).
/// The first event is the job as it stood when the watch began, not a transition, and is not timed.
/// </summary>
public sealed class JobWatcher
{
    private readonly TaskCompletionSource _opened = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private JobWatcher(string jobName, string replica)
    {
        JobName = jobName;
        Replica = replica;
    }

    public string JobName { get; }

    /// <summary>The replica the stream is open on.</summary>
    public string Replica { get; }

    /// <summary>Done once the first event came, or the stream failed before it.</summary>
    public Task Opened => _opened.Task;

    public Task Ended { get; private set; } = Task.CompletedTask;

    /// <summary>The status the job had when the watch began.</summary>
    public TranscriptionJobStatus? FirstStatus { get; private set; }

    /// <summary>From the call to its first event.</summary>
    public double OpenMs { get; private set; }

    public DateTime? OpenedAt { get; private set; }

    public DateTime? EndedAt { get; private set; }

    /// <summary>Receipt of the "decode" event (the worker took the job up) minus StartTime; and the server's part, EventTime minus StartTime.</summary>
    public double? InProgressMs { get; private set; }

    public double? InProgressServerMs { get; private set; }

    /// <summary>
    /// Receipt of the COMPLETED event minus CompletionTime; and the server's part before it reads the
    /// transcript from S3 to put in the event (EventTime is set before that read).
    /// </summary>
    public double? CompletedMs { get; private set; }

    public double? CompletedBeforeTranscriptMs { get; private set; }

    /// <summary>Receipt minus EventTime of every event after the first: the watching replica's send and the client's read.</summary>
    public List<double> LastHopMs { get; } = [];

    public int TerminalEvents { get; private set; }

    public int EventsAfterTerminal { get; private set; }

    public TranscriptionJobStatus? TerminalStatus { get; private set; }

    public bool TranscriptReceived { get; private set; }

    /// <summary>Why the stream failed, if it did.</summary>
    public string? Error { get; private set; }

    public static JobWatcher Open(MedicalTranscription.MedicalTranscriptionClient client, string jobName, string replica, CancellationToken ct)
    {
        var watcher = new JobWatcher(jobName, replica);
        watcher.Ended = watcher.FollowAsync(client, ct);
        return watcher;
    }

    private async Task FollowAsync(MedicalTranscription.MedicalTranscriptionClient client, CancellationToken ct)
    {
        var called = Stopwatch.GetTimestamp();
        try
        {
            using var call = client.WatchJob(new WatchJobRequest { MedicalTranscriptionJobName = JobName }, cancellationToken: ct);
            while (await call.ResponseStream.MoveNext(ct))
            {
                var received = DateTime.UtcNow;
                var jobEvent = call.ResponseStream.Current;
                if (FirstStatus is null) OnFirst(jobEvent, received, Stopwatch.GetElapsedTime(called).TotalMilliseconds);
                else OnTransition(jobEvent, received);
            }
        }
        catch (RpcException e)
        {
            Error = $"{e.StatusCode}: {e.Status.Detail}";
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            Error = "cancelled by the bench";
        }
        finally
        {
            EndedAt = DateTime.UtcNow;
            _opened.TrySetResult();
        }
    }

    private void OnFirst(JobEvent jobEvent, DateTime received, double openMs)
    {
        FirstStatus = jobEvent.MedicalTranscriptionJob.TranscriptionJobStatus;
        OpenMs = openMs;
        OpenedAt = received;
        if (IsTerminal(FirstStatus.Value)) CountTerminal(jobEvent);
        _opened.TrySetResult();
    }

    private void OnTransition(JobEvent jobEvent, DateTime received)
    {
        var job = jobEvent.MedicalTranscriptionJob;
        var eventTime = jobEvent.EventTime.ToDateTime();
        LastHopMs.Add(Ms(received - eventTime));
        if (TerminalEvents > 0) EventsAfterTerminal++;
        if (job.TranscriptionJobStatus == TranscriptionJobStatus.InProgress && jobEvent.Stage == "decode" && InProgressMs is null && job.StartTime is not null)
        {
            InProgressMs = Ms(received - job.StartTime.ToDateTime());
            InProgressServerMs = Ms(eventTime - job.StartTime.ToDateTime());
        }
        if (!IsTerminal(job.TranscriptionJobStatus)) return;
        if (TerminalEvents == 0 && job.CompletionTime is not null)
        {
            CompletedMs = Ms(received - job.CompletionTime.ToDateTime());
            CompletedBeforeTranscriptMs = Ms(eventTime - job.CompletionTime.ToDateTime());
        }
        CountTerminal(jobEvent);
    }

    private void CountTerminal(JobEvent jobEvent)
    {
        TerminalEvents++;
        TerminalStatus = jobEvent.MedicalTranscriptionJob.TranscriptionJobStatus;
        TranscriptReceived = jobEvent.Transcript is not null;
    }

    private static bool IsTerminal(TranscriptionJobStatus status) =>
        status is TranscriptionJobStatus.Completed or TranscriptionJobStatus.Failed;

    private static double Ms(TimeSpan span) => span.TotalMilliseconds;
}
