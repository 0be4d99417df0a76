using MedGrpc.Core.Errors;

namespace MedGrpc.Core.Media;

/// <summary>The FailureReason strings of the contract (docs/contract.md, "Job lifecycle"), exactly as AWS writes them.</summary>
public static class FailureReasons
{
    public const string UnsupportedMediaFormat = "Unsupported media format";
    public const string MediaFormatMismatch = "The media format provided does not match the detected media format";
    public const string InvalidSampleRate = "Invalid sample rate for audio file";
    public const string SampleRateMismatch = "The sample rate provided does not match the detected sample rate";
    public const string FileTooLarge = "Invalid file size: file size too large";
    public const string AudioTooLong = "Invalid file size: file size too large. Maximum audio duration is 4.000000 hours.";
    public const string TooManyChannels = "Invalid number of channels: number of channels too large";
    public const string AudioTooShort = "The input media file length is too small. Check the length of the file and try your request again.";

    // Ours, for what AWS leaves unsaid: a clear reason rather than a generic one.
    public const string EmptyMedia = "The media file is empty (0 bytes).";
    public const string MediaNotFound = "The media file couldn't be found: check 'media.mediaFileUri'.";

    public static string CorruptMedia(string detail) => $"The media file couldn't be decoded: it looks corrupt ({detail}).";
}

/// <summary>The media breaks a rule that fails the job with the given failure.</summary>
public sealed class MediaRejectedException(JobFailure failure) : Exception(failure.Reason)
{
    public MediaRejectedException(JobFailureKind kind, string failureReason) : this(new JobFailure(kind, failureReason))
    {
    }

    public JobFailure Failure { get; } = failure;

    public string FailureReason => Failure.Reason;
}
