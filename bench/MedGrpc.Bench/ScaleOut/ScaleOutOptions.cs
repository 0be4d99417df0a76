namespace MedGrpc.Bench.ScaleOut;

/// <summary>What the scale-out load bench runs: how many jobs, on what, and how hard it calls.</summary>
/// <param name="WorkersPerReplica">MedGrpc:Workers of each of the two replicas.</param>
/// <param name="StartCallers">Callers starting jobs at once, each one Start after another.</param>
/// <param name="HoldSeconds">Length of the hold jobs (one per worker) that keep the short jobs QUEUED while the watchers open.</param>
/// <param name="WatchBatches">Steps in which the watchers open, the replicas' memory measured after each.</param>
/// <param name="ServiceSettings">More replica settings, passed through as they are (--MedGrpc:…).</param>
public sealed record ScaleOutOptions(
    string Repo,
    string SpeechDir,
    string ServiceDll,
    int Jobs,
    int WorkersPerReplica,
    int StartCallers,
    double GetsPerSecond,
    double HoldSeconds,
    int WatchBatches,
    TimeSpan Timeout,
    IReadOnlyList<string> ServiceSettings);
