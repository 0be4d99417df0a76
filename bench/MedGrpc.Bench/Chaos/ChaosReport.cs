using System.Globalization;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Bench.Chaos;

/// <summary>The chaos bench's checks and figures: what it prints, and whether the run passed.</summary>
public sealed class ChaosReport
{
    // s3rver's log line reaches the bench a moment after the write; a write counts as after COMPLETED beyond this.
    private static readonly TimeSpan ReceiptSlack = TimeSpan.FromSeconds(1);

    private readonly ChaosResult _r;

    public ChaosReport(ChaosResult r)
    {
        _r = r;
        var names = r.Jobs.Requests.Select(q => q.MedicalTranscriptionJobName).ToList();
        Completed = names.Count(n => r.Final[n]?.TranscriptionJobStatus == TranscriptionJobStatus.Completed);
        Failed = names.Count(n => r.Final[n]?.TranscriptionJobStatus == TranscriptionJobStatus.Failed);
        Missing = names.Count(n => r.Final[n] is null);
        Stuck = names.Count(n => r.Final[n]?.TranscriptionJobStatus is TranscriptionJobStatus.Queued or TranscriptionJobStatus.InProgress);
        Lost = names.Count - Completed;

        var terminalEntries = r.Changes.Where(c => c.EntersTerminal).GroupBy(c => c.Name).ToDictionary(g => g.Key, g => g.ToList());
        CompletedOnceInStore = names.Count(n => terminalEntries.TryGetValue(n, out var e) && e.Count == 1 && e[0].NewStatus == "COMPLETED");
        SecondTerminal = terminalEntries.Values.Count(e => e.Count > 1);
        LeftTerminal = r.Changes.Count(c => c.LeavesTerminal);

        var objects = r.Objects.ToDictionary(o => o.Key, StringComparer.Ordinal);
        var expected = r.Jobs.Requests.ToDictionary(ChaosJobs.TranscriptKey, q => q.MedicalTranscriptionJobName, StringComparer.Ordinal);
        JobsWithTheirObject = expected.Count(e => objects.TryGetValue(e.Key, out var o) && o.Whole && o.JobName == e.Value);
        ExtraObjects = r.Objects.Count(o => !expected.ContainsKey(o.Key));
        NotWhole = r.Objects.Count(o => !o.Whole);
        var writes = r.Writes.GroupBy(w => w.Key).ToDictionary(g => g.Key, g => g.Select(w => w.At).ToList());
        WritesTotal = r.Writes.Count;
        KeysWrittenAgain = writes.Values.Count(w => w.Count > 1);
        WritesAfterCompleted = expected.Sum(e => writes.TryGetValue(e.Key, out var at) && terminalEntries.TryGetValue(e.Value, out var t)
            ? at.Count(w => w > t[0].At + ReceiptSlack) : 0);

        var watchers = r.Watchers.Values.ToList();
        WatchersOne = watchers.Count(w => w.TerminalEvents == 1 && w.EventsAfterTerminal == 0 && w.TerminalStatus == TranscriptionJobStatus.Completed
            && r.Final[w.JobName]?.CompletionTime?.ToDateTime() == w.TerminalCompletionTime);
        WatchersTwice = watchers.Count(w => w.TerminalEvents > 1 || w.EventsAfterTerminal > 0);
        WatchersNone = watchers.Count(w => w.TerminalEvents == 0);
        WatchersOtherCompletion = watchers.Count(w => w.TerminalEvents > 0 && r.Final[w.JobName]?.CompletionTime?.ToDateTime() != w.TerminalCompletionTime);
    }

    public int Completed { get; }
    public int Failed { get; }
    public int Missing { get; }
    public int Stuck { get; }
    public int Lost { get; }
    public int CompletedOnceInStore { get; }
    public int SecondTerminal { get; }
    public int LeftTerminal { get; }
    public int JobsWithTheirObject { get; }
    public int ExtraObjects { get; }
    public int NotWhole { get; }
    public int WritesTotal { get; }
    public int KeysWrittenAgain { get; }
    public int WritesAfterCompleted { get; }
    public int WatchersOne { get; }
    public int WatchersTwice { get; }
    public int WatchersNone { get; }
    public int WatchersOtherCompletion { get; }

    /// <summary>Jobs done twice in any way the evidence can show.</summary>
    public int Duplicated => SecondTerminal + LeftTerminal + ExtraObjects + WritesAfterCompleted + WatchersTwice + WatchersOtherCompletion;

    public bool AllFaultsInjected => _r.Faults.Count == _r.Plan.Count;

    public bool Passed =>
        Lost == 0 && Stuck == 0 && Duplicated == 0 && AllFaultsInjected
        && CompletedOnceInStore == _r.Jobs.Requests.Count && JobsWithTheirObject == _r.Jobs.Requests.Count && NotWhole == 0
        && WatchersOne == _r.Jobs.Requests.Count;

    public IReadOnlyList<string> Lines()
    {
        var r = _r;
        var o = r.Options;
        var n = r.Jobs.Requests.Count;
        var kills = r.Faults.Where(f => f.Planned.Kind == FaultKind.ReplicaKill).ToList();
        var watchers = r.Watchers.Values.ToList();
        return
        [
            F($"chaos: {n} jobs, {o.Kills} SIGKILLs of a random replica, {o.PostgresRestarts} PostgreSQL restarts, {o.S3Restarts} s3rver restarts, seed {o.Seed}"),
            F($"budget {o.MaxMinutes:0.#} min (faults within the first {o.FaultWindow.TotalMinutes:0.#}), lease {o.LeaseSeconds:0.#} s, {o.WorkersPerReplica} workers per replica; clips {string.Join(", ", ChaosJobs.Clips.Select(c => F($"{c.Seconds:0.#} s ({c.Share:P0})")))}"),
            F($"machine load (1, 5, 15 min): {r.LoadBefore} before, {r.LoadAfter} after"),
            F($"faults injected   {r.Faults.Count}/{r.Plan.Count} in {r.FaultMinutes:F1} min ({Kinds(r.Faults)}); {r.Faults.Count(f => f.UnfinishedJobs > 0)} fell while jobs were unfinished; {kills.Sum(k => k.Held.Count)} leases held by killed replicas"),
            F($"run               {r.BenchSeconds / 60:F1} min{(r.TimedOut ? F($"; BUDGET ENDED before every job had") : "")}"),
            F($"jobs COMPLETED    {Completed}/{n} (lost {Lost}: failed {Failed}, unknown {Missing}, stuck {Stuck}); Starts acknowledged {watchers.Count}/{n}, refused or cut off and sent again {r.StartRefusals.Values.Sum()} ({Reasons(r.StartRefusals)})"),
            F($"terminal once     {CompletedOnceInStore}/{n} jobs entered COMPLETED exactly once in the jobs table (its trigger's record); entered a terminal state twice {SecondTerminal}; left one {LeftTerminal}"),
            F($"transcripts       {JobsWithTheirObject}/{n} jobs have exactly their one object, whole (MD5 as stored, parses, its jobName); objects {r.Objects.Count}, not the jobs' {ExtraObjects}, not whole {NotWhole}"),
            F($"transcript writes {WritesTotal} (s3rver's log) for {n} keys; {KeysWrittenAgain} keys written more than once before COMPLETED (a run cut off after its write, run again: the object replaced whole); written after COMPLETED {WritesAfterCompleted}"),
            F($"watchers          {WatchersOne}/{n} saw exactly one terminal event, COMPLETED, with the job's CompletionTime; none {WatchersNone}, more than one {WatchersTwice}, another CompletionTime {WatchersOtherCompletion}; {watchers.Count(w => w.TranscriptReceived)} carried the transcript"),
            F($"reconnections     {watchers.Sum(w => w.Streams - 1)} by {watchers.Count(w => w.Streams > 1)} watchers ({Reasons(watchers.SelectMany(w => w.Errors).GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.Sum(e => e.Value)))})"),
            F($"runs dropped      {r.Logs.Sum(l => l.EndedElsewhere)} \"ended on another worker first\" (run twice, the second result dropped); {r.Logs.Sum(l => l.LeasesLost)} leases lost mid-run"),
            F($"recovery, replica SIGKILL  serving again {Seconds(kills.Select(f => f.BackMs))}; its jobs claimed again {Seconds(OrphansRetaken(kills))}"),
            F($"recovery, PostgreSQL       accepting again {Seconds(Of(FaultKind.PostgresRestart, f => f.BackMs))}; both replicas serving from it {Seconds(Of(FaultKind.PostgresRestart, f => f.RecoveredMs))}"),
            F($"recovery, s3rver           listening again {Seconds(Of(FaultKind.S3Restart, f => f.BackMs))}; both replicas serving from it {Seconds(Of(FaultKind.S3Restart, f => f.RecoveredMs))}"),
            F($"lost {Lost}, duplicated {Duplicated}, stuck {Stuck} over {r.Faults.Count} faults: {(Passed ? "PASS" : "FAIL")}"),
        ];
    }

    /// <summary>Per kill that left leases behind: from the kill until the last of its jobs was claimed by a live process.</summary>
    private IEnumerable<double> OrphansRetaken(IEnumerable<FaultRecord> kills)
    {
        foreach (var kill in kills.Where(k => k.Held.Count > 0))
        {
            var dead = F($"/{kill.KilledPid}/");
            var claims = kill.Held.Select(job => _r.Changes.FirstOrDefault(c => c.Name == job && c.At > kill.At && c.IsClaim && !c.NewOwner!.Contains(dead, StringComparison.Ordinal)))
                .ToList();
            if (claims.All(c => c is not null)) yield return claims.Max(c => (c!.At - kill.At).TotalMilliseconds);
        }
    }

    private IEnumerable<double> Of(FaultKind kind, Func<FaultRecord, double> figure) => _r.Faults.Where(f => f.Planned.Kind == kind).Select(figure);

    private static string Kinds(IEnumerable<FaultRecord> faults) =>
        string.Join(", ", faults.GroupBy(f => f.Planned.Kind).Select(g => g.Key == FaultKind.ReplicaKill
            ? F($"{g.Count()} kills: A {g.Count(f => f.Target == "A")}, B {g.Count(f => f.Target == "B")}")
            : F($"{g.Count()} {(g.Key == FaultKind.PostgresRestart ? "PostgreSQL" : "s3rver")} restarts")));

    private static string Reasons(IReadOnlyDictionary<string, int> reasons) =>
        reasons.Count == 0 ? "none" : string.Join(", ", reasons.OrderByDescending(e => e.Value).Select(e => F($"{e.Value}× {e.Key}")));

    /// <summary>"p50 1.2 s, max 3.4 s (n 5)", the figure the issue asks for.</summary>
    private static string Seconds(IEnumerable<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        return sorted.Length == 0 ? "no samples" : F($"p50 {Percentiles.Of(sorted, 0.5) / 1000:F1} s, max {sorted[^1] / 1000:F1} s (n {sorted.Length})");
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
