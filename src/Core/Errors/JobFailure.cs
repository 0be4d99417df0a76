using System.Text;

namespace MedGrpc.Core.Errors;

/// <summary>
/// Why a job failed, as a value: its kind (a short, bounded metric label) and the FailureReason text AWS
/// callers read. Made where the failure is found, it travels as it is to the store, the metrics and
/// WatchJob, so rewording a reason never changes a metric.
/// </summary>
public sealed record JobFailure(JobFailureKind Kind, string Reason)
{
    /// <summary>The metric label: the kind in snake case ("unsupported_media_format").</summary>
    public static string Label(JobFailureKind? kind)
    {
        if (kind is not { } known) return "unknown";
        var name = known.ToString();
        var label = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0) label.Append('_');
            label.Append(char.ToLowerInvariant(name[i]));
        }
        return label.ToString();
    }
}

/// <summary>The kinds of job failure: AWS's fixed FailureReasons, and ours for what AWS leaves unsaid.</summary>
public enum JobFailureKind
{
    UnsupportedMediaFormat,
    MediaFormatMismatch,
    InvalidSampleRate,
    SampleRateMismatch,
    FileTooLarge,
    AudioTooLong,
    TooManyChannels,
    AudioTooShort,
    EmptyMedia,
    MediaNotFound,
    CorruptMedia,
    VocabularyUnavailable,
    ObjectStoreUnavailable,
    TranscriptNotWritten,
    /// <summary>A recorded live stream that ended in an error (cancelled, idle, undecodable audio, over four hours, shutdown).</summary>
    StreamEnded,
    Internal,
}
