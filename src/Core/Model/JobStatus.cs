namespace MedGrpc.Core.Model;

/// <summary>AWS TranscriptionJobStatus. Order matters: a job only moves forward.</summary>
public enum JobStatus
{
    Queued = 1,
    InProgress = 2,
    Failed = 3,
    Completed = 4,
}

public static class JobStatusExtensions
{
    public static bool IsTerminal(this JobStatus status) => status is JobStatus.Completed or JobStatus.Failed;

    public static string ToAws(this JobStatus status) => status switch
    {
        JobStatus.Queued => "QUEUED",
        JobStatus.InProgress => "IN_PROGRESS",
        JobStatus.Failed => "FAILED",
        JobStatus.Completed => "COMPLETED",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static JobStatus FromAws(string value) => value switch
    {
        "QUEUED" => JobStatus.Queued,
        "IN_PROGRESS" => JobStatus.InProgress,
        "FAILED" => JobStatus.Failed,
        "COMPLETED" => JobStatus.Completed,
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "not a TranscriptionJobStatus"),
    };
}
