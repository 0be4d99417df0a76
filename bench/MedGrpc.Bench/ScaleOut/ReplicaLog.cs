namespace MedGrpc.Bench.ScaleOut;

/// <summary>
/// A replica's log as it is written: echoed to stderr under the replica's name, with the lines that
/// tell of a job run twice counted. The replicas log in single-line form for this.
/// </summary>
public sealed class ReplicaLog(string replica)
{
    private int _endedElsewhere;
    private int _leasesLost;
    private int _errors;

    /// <summary>Runs whose result was dropped because the job had ended on another worker first: each is a job run twice.</summary>
    public int EndedElsewhere => _endedElsewhere;

    /// <summary>Jobs whose lease this replica lost mid-run, so that another replica took them up.</summary>
    public int LeasesLost => _leasesLost;

    /// <summary>Lines logged as errors (fail:) or worse (crit:).</summary>
    public int Errors => _errors;

    public void OnLine(string line)
    {
        // The service's own words: JobProcessor's and JobWorkers' log messages.
        if (line.Contains("ended on another worker first", StringComparison.Ordinal)) Interlocked.Increment(ref _endedElsewhere);
        if (line.Contains("Lost the lease", StringComparison.Ordinal)) Interlocked.Increment(ref _leasesLost);
        if (line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal)) Interlocked.Increment(ref _errors);
        Console.Error.WriteLine($"[{replica}] {line}");
    }
}
