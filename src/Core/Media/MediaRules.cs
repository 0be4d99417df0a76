using MedGrpc.Core.Contract;
using MedGrpc.Core.Errors;

namespace MedGrpc.Core.Media;

/// <summary>
/// The checks AWS makes once it has looked at the media, in the order it makes them; each broken
/// rule fails the job with its exact FailureReason.
/// </summary>
public static class MediaRules
{
    public static void Check(DeclaredMedia declared, MediaInfo media)
    {
        if (media.MediaFormat is null) Reject(JobFailureKind.UnsupportedMediaFormat, FailureReasons.UnsupportedMediaFormat);
        if (declared.MediaFormat is not null && !SameFormat(declared.MediaFormat, media.MediaFormat!))
            Reject(JobFailureKind.MediaFormatMismatch, FailureReasons.MediaFormatMismatch);
        if (media.SampleRate is < ContractLimits.MinSampleRate or > ContractLimits.MaxSampleRate)
            Reject(JobFailureKind.InvalidSampleRate, FailureReasons.InvalidSampleRate);
        if (declared.SampleRateHertz is { } given && given != media.SampleRate)
            Reject(JobFailureKind.SampleRateMismatch, FailureReasons.SampleRateMismatch);
        if (declared.ChannelIdentification && media.Channels > MediaLimits.MaxChannelsForChannelIdentification)
            Reject(JobFailureKind.TooManyChannels, FailureReasons.TooManyChannels);
        if (media.DurationSeconds > MediaLimits.MaxDurationSeconds) Reject(JobFailureKind.AudioTooLong, FailureReasons.AudioTooLong);
        if (media.DurationSeconds < MediaLimits.MinDurationSeconds) Reject(JobFailureKind.AudioTooShort, FailureReasons.AudioTooShort);
    }

    /// <summary>The size rule, checked before anything reads the file.</summary>
    public static void CheckSize(long sizeBytes)
    {
        if (sizeBytes == 0) Reject(JobFailureKind.EmptyMedia, FailureReasons.EmptyMedia);
        if (sizeBytes > MediaLimits.MaxSizeBytes) Reject(JobFailureKind.FileTooLarge, FailureReasons.FileTooLarge);
    }

    // mp4 and m4a are one container (ISO BMFF): either name fits either file.
    private static bool SameFormat(string given, string detected) =>
        given == detected || (given is "mp4" or "m4a" && detected is "mp4" or "m4a");

    private static void Reject(JobFailureKind kind, string reason) => throw new MediaRejectedException(kind, reason);
}

/// <summary>What a request says of its media, if anything: the media rules hold the file to it.</summary>
public sealed record DeclaredMedia(string? MediaFormat, int? SampleRateHertz, bool ChannelIdentification);
