using MedGrpc.Transcribe.V1;

namespace MedGrpc.Bench.ScaleOut;

/// <summary>Everything one scale-out run measured and counted, for <see cref="ScaleOutReport"/> to print.</summary>
public sealed record ScaleOutResult
{
    public required ScaleOutOptions Options { get; init; }
    public required string Clip { get; init; }
    public required double ClipSeconds { get; init; }
    public required int HoldJobs { get; init; }
    public required string LoadBefore { get; init; }
    public required string LoadAfter { get; init; }
    public required double BenchSeconds { get; init; }

    /// <summary>The replicas' names, in the order of every per-replica figure.</summary>
    public required IReadOnlyList<string> Replicas { get; init; }

    /// <summary>The bench's clock when the first short job's Start went out.</summary>
    public required DateTime FirstStartAt { get; init; }
    public required int JobsAccepted { get; init; }
    public required IReadOnlyList<string> StartErrors { get; init; }
    public required IReadOnlyList<double> StartMs { get; init; }
    public required double StartSeconds { get; init; }
    public required IReadOnlyList<double> GetMs { get; init; }
    public required int GetErrors { get; init; }

    public required IReadOnlyList<JobWatcher> Watchers { get; init; }
    public required int PeakOpenWatchers { get; init; }
    public required double WatchersOpenSeconds { get; init; }
    public required bool TimedOut { get; init; }

    /// <summary>Short jobs a worker had taken up before the last batch of watchers had its first events.</summary>
    public required int StartedBeforeAllOpen { get; init; }

    public required WatcherMemory Memory { get; init; }
    public required int StartedBeforeMemorySample { get; init; }

    /// <summary>From the hold jobs' start to the end.</summary>
    public required CpuSeconds RunCpu { get; init; }

    /// <summary>While the jobs were being started.</summary>
    public required CpuSeconds StartsCpu { get; init; }

    /// <summary>The short jobs as List shows them at the end, by name.</summary>
    public required IReadOnlyDictionary<string, MedicalTranscriptionJobSummary> Listed { get; init; }
    public required int HoldJobsCompleted { get; init; }
    public required int TranscriptObjects { get; init; }
    public required IReadOnlyList<ReplicaLog> Logs { get; init; }
}
