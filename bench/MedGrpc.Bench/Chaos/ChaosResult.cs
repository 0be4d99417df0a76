using MedGrpc.Bench.ScaleOut;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Bench.Chaos;

/// <summary>Everything one chaos run saw, for <see cref="ChaosReport"/> to judge and print.</summary>
public sealed record ChaosResult
{
    public required ChaosOptions Options { get; init; }
    public required IReadOnlyList<PlannedFault> Plan { get; init; }
    public required IReadOnlyList<FaultRecord> Faults { get; init; }
    public required ChaosJobs Jobs { get; init; }

    /// <summary>Each job as Get shows it at the end; null when no replica knows it.</summary>
    public required IReadOnlyDictionary<string, MedicalTranscriptionJob?> Final { get; init; }
    public required IReadOnlyList<JobChangeLog.Change> Changes { get; init; }
    public required IReadOnlyList<(string Key, DateTime At)> Writes { get; init; }
    public required IReadOnlyList<TranscriptObjects.StoredObject> Objects { get; init; }

    /// <summary>One per job whose Start was acknowledged.</summary>
    public required IReadOnlyDictionary<string, ReconnectingWatcher> Watchers { get; init; }
    public required IReadOnlyDictionary<string, int> StartRefusals { get; init; }
    public required IReadOnlyList<ReplicaLog> Logs { get; init; }
    public required DateTime Began { get; init; }
    public required double FaultMinutes { get; init; }
    public required double BenchSeconds { get; init; }
    public required bool TimedOut { get; init; }
    public required string LoadBefore { get; init; }
    public required string LoadAfter { get; init; }
}
