namespace MedGrpc.Bench.Chaos;

public enum FaultKind
{
    /// <summary>SIGKILL of a replica, started again at once.</summary>
    ReplicaKill,

    /// <summary>PostgreSQL stopped as a crash would (immediate) and started again.</summary>
    PostgresRestart,

    /// <summary>s3rver SIGKILLed and started again on the same folder.</summary>
    S3Restart,
}

/// <summary>One fault to inject: when (from the start of the run), what, and on which replica.</summary>
public sealed record PlannedFault(TimeSpan At, FaultKind Kind, int Replica);

/// <summary>
/// The faults of a run, drawn from the seed: each at a moment picked at random (uniformly) within the fault window,
/// kinds in random order, each kill on a random replica. They are injected one after the other: a fault whose moment
/// came while the one before was still recovering follows it at once.
/// </summary>
public static class FaultPlan
{
    public static IReadOnlyList<PlannedFault> Draw(ChaosOptions options, Random random)
    {
        var kinds = Enumerable.Repeat(FaultKind.ReplicaKill, options.Kills)
            .Concat(Enumerable.Repeat(FaultKind.PostgresRestart, options.PostgresRestarts))
            .Concat(Enumerable.Repeat(FaultKind.S3Restart, options.S3Restarts))
            .OrderBy(_ => random.Next()).ToList();
        var window = options.FaultWindow;
        var moments = kinds.Select(_ => window * (0.02 + 0.98 * random.NextDouble())).Order().ToList();
        return kinds.Select((kind, i) => new PlannedFault(moments[i], kind, random.Next(2))).ToList();
    }
}

/// <summary>
/// One fault as it happened. BackMs: from the fault until what it struck serves again (the replica answers a call;
/// PostgreSQL accepts connections; s3rver listens). RecoveredMs: until both replicas answer calls that need what was
/// struck again (for a kill: the same as BackMs). Held: the unfinished jobs a killed replica held leases on.
/// </summary>
public sealed record FaultRecord(PlannedFault Planned, string Target, DateTime At, double BackMs, double RecoveredMs,
    int UnfinishedJobs, int KilledPid, IReadOnlyList<string> Held);
