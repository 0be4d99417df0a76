using System.Text.Json.Serialization;
using MedGrpc.Core.Errors;
using MedGrpc.Core.Resources;

namespace MedGrpc.Core.Model;

/// <summary>
/// A medical transcription job as stored: the request it was started with and where it stands.
/// Only <see cref="JobLifecycle"/> makes new versions of a job.
/// </summary>
public sealed record Job
{
    /// <summary>The account that started the job: only its callers see it, and its transcript and ARN carry it.</summary>
    public required string AccountId { get; init; }
    public required JobRequest Request { get; init; }
    public required JobStatus Status { get; init; }
    public required DateTimeOffset CreationTime { get; init; }
    public DateTimeOffset? StartTime { get; init; }
    public DateTimeOffset? CompletionTime { get; init; }
    public string? FailureReason { get; init; }

    /// <summary>The kind of the failure whose text is <see cref="FailureReason"/> (the metrics' label); null before it was stored, or if not failed.</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<JobFailureKind>))]
    public JobFailureKind? FailureKind { get; init; }
    public string? TranscriptFileUri { get; init; }

    /// <summary>The media format, as given or as detected once the job ran (AWS echoes the detected one).</summary>
    public string? MediaFormat { get; init; }

    /// <summary>The sample rate, as given or as detected once the job ran.</summary>
    public int? MediaSampleRateHertz { get; init; }

    /// <summary>0–100; how far the job has got.</summary>
    public int ProgressPercent { get; init; }

    /// <summary>What the job is doing now: queued, decode, recognize, write, completed, failed.</summary>
    public string Stage { get; init; } = JobStages.Queued;

    /// <summary>The W3C trace context of the Start call, so the job's run joins its trace; null when tracing is off.</summary>
    public string? TraceParent { get; init; }

    public string Name => Request.MedicalTranscriptionJobName;

    [JsonIgnore]
    public ResourceKey Key => new(AccountId, Name);
}
