using System.Globalization;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Bench.ScaleOut;

/// <summary>The figures of a scale-out run as printed (and saved), the issue's targets judged last.</summary>
public static class ScaleOutReport
{
    private const double LatencyTargetMs = 100;

    public static IReadOnlyList<string> Lines(ScaleOutResult r)
    {
        var o = r.Options;
        var completed = r.Listed.Values.Where(j => j.TranscriptionJobStatus == TranscriptionJobStatus.Completed).ToList();
        var failed = r.Listed.Values.Count(j => j.TranscriptionJobStatus == TranscriptionJobStatus.Failed);
        var lost = r.JobsAccepted - completed.Count;
        var repeatedTerminal = r.Watchers.Count(w => w.TerminalEvents > 1 || w.EventsAfterTerminal > 0);
        var endedElsewhere = r.Logs.Sum(l => l.EndedElsewhere);
        var leasesLost = r.Logs.Sum(l => l.LeasesLost);
        var noTerminal = r.Watchers.Where(w => w.TerminalEvents == 0).ToList();
        var inProgress = r.Watchers.Where(w => w.InProgressMs is not null).ToList();
        var terminal = r.Watchers.Where(w => w.CompletedMs is not null).ToList();

        var firstStarted = completed.Min(j => j.StartTime?.ToDateTime());
        var lastCompleted = completed.Max(j => j.CompletionTime?.ToDateTime());
        var window = firstStarted is { } from && lastCompleted is { } to ? (to - from).TotalSeconds : double.NaN;
        var lastEvent = r.Watchers.Where(w => w.TerminalEvents > 0).Max(w => w.EndedAt);
        var wall = lastEvent is { } end ? (end - r.FirstStartAt).TotalSeconds : double.NaN;
        var audioSeconds = completed.Count * r.ClipSeconds + r.HoldJobs * o.HoldSeconds;

        var duplicated = repeatedTerminal + endedElsewhere + Math.Max(0, r.TranscriptObjects - completed.Count);
        var inProgressP99 = P99(inProgress.Select(w => w.InProgressMs!.Value));
        var completedP99 = P99(terminal.Select(w => w.CompletedMs!.Value));

        return
        [
            F($"load-scaleout: {o.Jobs} jobs of a {r.ClipSeconds:0.#} s clip ({r.Clip}) on {r.Replicas.Count} replicas × {o.WorkersPerReplica} workers, PostgreSQL store and s3rver objects, {Environment.ProcessorCount} cores"),
            F($"machine load (1, 5, 15 min): {r.LoadBefore} before, {r.LoadAfter} after"),
            F($"jobs: {r.JobsAccepted} of {o.Jobs} started ({r.StartErrors.Count} refused), {completed.Count} COMPLETED, {failed} FAILED, {lost} lost (not COMPLETED at the end, by List){(r.TimedOut ? $"; TIMED OUT after {o.Timeout.TotalMinutes:0} min" : "")}"),
            F($"duplicates: {repeatedTerminal} watchers saw more than one terminal event; {endedElsewhere} runs dropped as \"ended on another worker first\" ({PerReplica(r, l => l.EndedElsewhere)}); {leasesLost} leases lost; {r.TranscriptObjects} transcript objects in s3://bench-out (expected {completed.Count})"),
            F($"watchers: {r.Watchers.Count} WatchJob streams, each on the replica that did not start its job; {r.PeakOpenWatchers} open at once (peak); {noTerminal.Count} ended without a terminal event{Errors(noTerminal)}; {r.Watchers.Count(w => w.TranscriptReceived)} terminal events carried the transcript"),
            F($"hold: {r.HoldJobs} jobs of {o.HoldSeconds:0.#} s kept every worker busy while the jobs were started and watched; {r.StartedBeforeAllOpen} jobs had been taken up before the last watcher opened; {r.HoldJobsCompleted} hold jobs COMPLETED"),
            F($"throughput: {completed.Count} jobs in {window:F1} s from the first job's StartTime to the last CompletionTime = {completed.Count / window * 60:F1} jobs/min ({completed.Count * r.ClipSeconds / window:F2} audio s per s); wall from the first Start to the last terminal event {wall:F1} s; whole bench {r.BenchSeconds:F0} s"),
            F($"Start ({o.StartCallers} callers, replicas in turn, while the hold jobs decode): {Percentiles.Summary(r.StartMs)}; {r.JobsAccepted} in {r.StartSeconds:F1} s = {r.JobsAccepted / r.StartSeconds:F0}/s"),
            F($"Get ({o.GetsPerSecond:0.#}/s through the whole run, a random started job, replicas in turn): {Percentiles.Summary(r.GetMs)}; {r.GetErrors} errors"),
            F($"WatchJob open (call to its first event, {o.WatchBatches} batches each opened at once): {Percentiles.Summary(r.Watchers.Where(w => w.OpenedAt is not null).Select(w => w.OpenMs))}; {r.WatchersOpenSeconds:F1} s in all"),
            F($"watch event latency IN_PROGRESS (receipt − StartTime): {Percentiles.Summary(inProgress.Select(w => w.InProgressMs!.Value))}"),
            F($"  of which in the servers (EventTime − StartTime: store write, NOTIFY, fan-out to the watcher): {Percentiles.Summary(inProgress.Select(w => w.InProgressServerMs!.Value))}"),
            F($"watch event latency COMPLETED (receipt − CompletionTime, with the transcript read from S3 into the event): {Percentiles.Summary(terminal.Select(w => w.CompletedMs!.Value))}"),
            F($"  of which in the servers before that read (EventTime − CompletionTime): {Percentiles.Summary(terminal.Select(w => w.CompletedBeforeTranscriptMs!.Value))}"),
            F($"  and after it (receipt − EventTime: the S3 read, the send, the client's read): {Percentiles.Summary(terminal.Select(w => w.CompletedMs!.Value - w.CompletedBeforeTranscriptMs!.Value))}"),
            F($"last hop of every event after the first (receipt − EventTime; the COMPLETED one includes the S3 read): {Percentiles.Summary(r.Watchers.SelectMany(w => w.LastHopMs))}"),
            F($"memory per watcher (RSS, each the median of 11 samples, before and 1 s after each batch (watchers open); per watcher: the slope over the batches after the first, which also pays for connections and pools): {Memory(r)}; {r.StartedBeforeMemorySample} jobs had been taken up by the last sample"),
            F($"CPU seconds from the hold jobs' start to the end: {Cpu(r, r.RunCpu)}; replicas {r.RunCpu.Replicas.Sum() / audioSeconds:F3} per audio second of {audioSeconds:F0} s"),
            F($"CPU seconds while the jobs were being started ({r.StartSeconds:F1} s): {Cpu(r, r.StartsCpu)}"),
            F($"target zero lost or duplicated jobs: {(NoneLostOrDuplicated(r) ? "MET" : "NOT MET")} ({lost} lost, {duplicated} duplicated, {noTerminal.Count} watchers without a terminal event)"),
            F($"target watch event latency p99 < {LatencyTargetMs:0} ms: IN_PROGRESS {inProgressP99:F1} ms {Verdict(inProgressP99)}, COMPLETED {completedP99:F1} ms {Verdict(completedP99)}"),
        ];
    }

    /// <summary>Whether no job was lost or done twice: the figure the bench's exit code tells.</summary>
    public static bool NoneLostOrDuplicated(ScaleOutResult r) =>
        r.Listed.Values.Count(j => j.TranscriptionJobStatus == TranscriptionJobStatus.Completed) is var completed
        && completed == r.JobsAccepted && r.TranscriptObjects == completed
        && r.Logs.All(l => l.EndedElsewhere == 0)
        && r.Watchers.All(w => w.TerminalEvents == 1 && w.EventsAfterTerminal == 0);

    private static string Memory(ScaleOutResult r)
    {
        var m = r.Memory;
        var replicas = r.Replicas.Select((name, i) =>
            F($"{name} {string.Join(" → ", m.Steps.Select(s => F($"{s.RssKb[i] / 1024.0:F1} MB ({s.Watchers[i]})")))}: first batch {m.FirstStepKb(i) / 1024.0:+0.0;-0.0} MB, then {m.KbPerWatcher(i):+0.0;-0.0} KB per watcher; drift over one step with none added {m.DriftKb[i] / 1024.0:+0.0;-0.0} MB, so {m.KbPerWatcherLessDrift(i):+0.0;-0.0} KB per watcher less drift"));
        return F($"{string.Join("; ", replicas)}; both: {m.KbPerWatcher():+0.0;-0.0} KB per watcher after the first batch");
    }

    private static string PerReplica(ScaleOutResult r, Func<ReplicaLog, int> count) =>
        string.Join(", ", r.Logs.Select((log, i) => $"{r.Replicas[i]} {count(log)}"));

    private static string Cpu(ScaleOutResult r, CpuSeconds cpu) =>
        string.Join(", ", r.Replicas.Select((name, i) => F($"replica {name} {cpu.Replicas[i]:F1}")))
        + F($" (with their ffmpeg and ffprobe), PostgreSQL {cpu.Postgres:F1}, s3rver {cpu.S3rver:F1}, bench client {cpu.Bench:F1}");

    private static string Errors(IEnumerable<JobWatcher> watchers)
    {
        var reasons = watchers.GroupBy(w => w.Error ?? "stream ended").Select(g => $"{g.Count()}× {g.Key}").Take(3).ToList();
        return reasons.Count == 0 ? "" : $" ({string.Join("; ", reasons)})";
    }

    private static double P99(IEnumerable<double> samples)
    {
        var sorted = samples.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : Percentiles.Of(sorted, 0.99);
    }

    private static string Verdict(double p99) => p99 < LatencyTargetMs ? "MET" : "NOT MET";

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
