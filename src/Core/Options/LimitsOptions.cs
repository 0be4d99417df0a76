namespace MedGrpc.Core.Options;

/// <summary>"MedGrpc:Limits": how much work the service accepts and how long it keeps job records.</summary>
public sealed class LimitsOptions
{
    /// <summary>
    /// Jobs that may run at once across all replicas (AWS: 250): each replica runs at most its workers' worth,
    /// and on PostgreSQL no replica claims a job while this many are held.
    /// </summary>
    public int MaxConcurrentJobs { get; set; } = 250;

    /// <summary>Jobs that may wait beyond those: Start answers LimitExceeded once this many are queued.</summary>
    public int MaxQueuedJobs { get; set; } = 10_000;

    /// <summary>
    /// Live streams (StreamTranscription) this replica serves at once; one more is refused with LimitExceeded. Each
    /// holds a decoder and about 0.4 of a core while the clinician speaks (docs/streaming.md).
    /// </summary>
    public int MaxConcurrentStreams { get; set; } = 4;

    /// <summary>Seconds a stream may go without a message from its client before it is ended with an error (AWS: 15).</summary>
    public double StreamIdleSeconds { get; set; } = 15;

    /// <summary>StartMedicalTranscriptionJob (and other Start calls) a caller may make each second.</summary>
    public double StartRequestsPerSecond { get; set; } = 25;

    /// <summary>Get calls a caller may make each second.</summary>
    public double GetRequestsPerSecond { get; set; } = 30;

    /// <summary>List calls a caller may make each second.</summary>
    public double ListRequestsPerSecond { get; set; } = 5;

    /// <summary>Days a finished job's record is kept (AWS: 90); older COMPLETED and FAILED jobs are deleted. Their transcripts stay in their buckets.</summary>
    public double RetentionDays { get; set; } = 90;

    /// <summary>How often the records past retention are looked for.</summary>
    public double RetentionSweepMinutes { get; set; } = 60;
}
