using Grpc.Core;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Bench.Chaos;

/// <summary>
/// A client following one job to its end over WatchJob as a real one would across faults: when the stream breaks (its
/// replica killed, the database or S3 away) or ends without a terminal event, it waits a little and watches again, on
/// the other replica first. Each stream is read until the server ends it, so a second terminal event on it would be
/// seen; once a terminal event has come, the client stops. What it counts is the evidence that every watcher saw one
/// terminal event, and which.
/// </summary>
public sealed class ReconnectingWatcher
{
    private readonly Dictionary<string, int> _errors = [];

    private ReconnectingWatcher(string jobName) => JobName = jobName;

    public string JobName { get; }

    public Task Ended { get; private set; } = Task.CompletedTask;

    /// <summary>WatchJob calls made: one, and one more per reconnection.</summary>
    public int Streams { get; private set; }

    public int TerminalEvents { get; private set; }

    /// <summary>Events a stream sent after its terminal one.</summary>
    public int EventsAfterTerminal { get; private set; }

    public TranscriptionJobStatus? TerminalStatus { get; private set; }

    /// <summary>The CompletionTime the terminal event told, to hold against the job's at the end.</summary>
    public DateTime? TerminalCompletionTime { get; private set; }

    public bool TranscriptReceived { get; private set; }

    /// <summary>Why streams broke, and how often.</summary>
    public IReadOnlyDictionary<string, int> Errors => _errors;

    public static ReconnectingWatcher Start(IReadOnlyList<ChaosReplica> replicas, string jobName, int firstReplica, CancellationToken ct)
    {
        var watcher = new ReconnectingWatcher(jobName);
        watcher.Ended = Task.Run(() => watcher.FollowAsync(replicas, firstReplica, ct), CancellationToken.None);
        return watcher;
    }

    private async Task FollowAsync(IReadOnlyList<ChaosReplica> replicas, int firstReplica, CancellationToken ct)
    {
        var random = new Random(JobName.GetHashCode(StringComparison.Ordinal));
        for (var attempt = 0; !ct.IsCancellationRequested; attempt++)
        {
            var replica = replicas[(firstReplica + attempt) % replicas.Count];
            Streams++;
            try
            {
                using var call = replica.Jobs.WatchJob(new WatchJobRequest { MedicalTranscriptionJobName = JobName }, cancellationToken: ct);
                while (await call.ResponseStream.MoveNext(ct)) OnEvent(call.ResponseStream.Current);
                if (TerminalEvents > 0) return;
                Count("stream ended without a terminal event");
            }
            catch (RpcException e) when (!ct.IsCancellationRequested)
            {
                Count($"{e.StatusCode}");
                if (TerminalEvents > 0) return; // the client has what it watched for
            }
            catch (Exception e) when (e is RpcException or OperationCanceledException && ct.IsCancellationRequested)
            {
                return;
            }
            // Backoff with jitter, as a client should: 0.25 s more each time, up to 2 s.
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(attempt + 1, 8) * 250 * (0.5 + random.NextDouble())), ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void OnEvent(JobEvent jobEvent)
    {
        var job = jobEvent.MedicalTranscriptionJob;
        if (TerminalEvents > 0) EventsAfterTerminal++;
        if (job.TranscriptionJobStatus is not (TranscriptionJobStatus.Completed or TranscriptionJobStatus.Failed)) return;
        TerminalEvents++;
        TerminalStatus = job.TranscriptionJobStatus;
        TerminalCompletionTime = job.CompletionTime?.ToDateTime();
        TranscriptReceived = jobEvent.Transcript is not null;
    }

    private void Count(string reason) => _errors[reason] = _errors.GetValueOrDefault(reason) + 1;
}
