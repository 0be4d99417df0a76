using MedGrpc.Core.Media;

namespace MedGrpc.Core.Telemetry;

/// <summary>
/// A FailureReason as a short, bounded metric label: AWS's fixed reasons by name, ours (which carry
/// details such as a file or vocabulary name) by their kind, so the label set stays small.
/// </summary>
public static class FailureKinds
{
    public static string Of(string? reason) => reason switch
    {
        null => "unknown",
        FailureReasons.UnsupportedMediaFormat => "unsupported_media_format",
        FailureReasons.MediaFormatMismatch => "media_format_mismatch",
        FailureReasons.InvalidSampleRate => "invalid_sample_rate",
        FailureReasons.SampleRateMismatch => "sample_rate_mismatch",
        FailureReasons.FileTooLarge => "file_too_large",
        FailureReasons.AudioTooLong => "audio_too_long",
        FailureReasons.TooManyChannels => "too_many_channels",
        FailureReasons.AudioTooShort => "audio_too_short",
        FailureReasons.EmptyMedia => "empty_media",
        FailureReasons.MediaNotFound => "media_not_found",
        _ when reason.StartsWith("The media file couldn't be decoded", StringComparison.Ordinal) => "corrupt_media",
        _ when reason.StartsWith("The vocabulary ", StringComparison.Ordinal) => "vocabulary_unavailable",
        _ when reason.StartsWith("The object store couldn't be reached", StringComparison.Ordinal) => "object_store_unavailable",
        _ when reason.StartsWith("The transcript ", StringComparison.Ordinal) => "transcript_not_written",
        _ => "internal",
    };
}
