namespace MedGrpc.Bench.Chaos;

/// <summary>What the chaos bench runs: how many jobs, how many faults of each kind, and within what time.</summary>
/// <param name="WorkersPerReplica">MedGrpc:Workers of each of the two replicas.</param>
/// <param name="MaxMinutes">The whole run's budget: faults fall within its first <see cref="FaultShare"/>, and whatever is unfinished when it ends is counted stuck.</param>
/// <param name="ServiceSettings">More replica settings, passed through as they are (--MedGrpc:…); the lease length is one.</param>
public sealed record ChaosOptions(
    string Repo,
    string SpeechDir,
    string ServiceDll,
    int Jobs,
    int Kills,
    int PostgresRestarts,
    int S3Restarts,
    int WorkersPerReplica,
    double MaxMinutes,
    int Seed,
    IReadOnlyList<string> ServiceSettings)
{
    /// <summary>The share of the budget the faults are spread over; the rest is for the jobs to end after the last one.</summary>
    public const double FaultShare = 0.6;

    /// <summary>The lease the bench runs with unless a --MedGrpc:Postgres:LeaseSeconds setting says otherwise: short, so a killed replica's jobs are taken up soon.</summary>
    public const double DefaultLeaseSeconds = 5;

    public TimeSpan Budget => TimeSpan.FromMinutes(MaxMinutes);

    public TimeSpan FaultWindow => Budget * FaultShare;

    /// <summary>MedGrpc:Postgres:LeaseSeconds as the replicas get it (the last setting given wins, as in .NET configuration).</summary>
    public double LeaseSeconds =>
        ServiceSettings.LastOrDefault(s => s.StartsWith(LeaseSetting + "=", StringComparison.OrdinalIgnoreCase)) is { } setting
            ? double.Parse(setting[(LeaseSetting.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture)
            : DefaultLeaseSeconds;

    public const string LeaseSetting = "--MedGrpc:Postgres:LeaseSeconds";
}
