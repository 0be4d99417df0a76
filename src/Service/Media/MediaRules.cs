using MedGrpc.Service.Jobs;
using MedGrpc.Service.Validation;

namespace MedGrpc.Service.Media;

/// <summary>
/// The checks AWS makes once it has looked at the media, in the order it makes them; each broken
/// rule fails the job with its exact FailureReason.
/// </summary>
public static class MediaRules
{
    public static void Check(JobRequest request, MediaInfo media)
    {
        if (media.MediaFormat is null) Reject(FailureReasons.UnsupportedMediaFormat);
        if (request.MediaFormat is not null && !SameFormat(request.MediaFormat, media.MediaFormat!))
            Reject(FailureReasons.MediaFormatMismatch);
        if (media.SampleRate is < RequestValidator.MinSampleRate or > RequestValidator.MaxSampleRate)
            Reject(FailureReasons.InvalidSampleRate);
        if (request.MediaSampleRateHertz is { } given && given != media.SampleRate)
            Reject(FailureReasons.SampleRateMismatch);
        if (request.Settings.ChannelIdentification == true && media.Channels > MediaLimits.MaxChannelsForChannelIdentification)
            Reject(FailureReasons.TooManyChannels);
        if (media.DurationSeconds > MediaLimits.MaxDurationSeconds) Reject(FailureReasons.AudioTooLong);
        if (media.DurationSeconds < MediaLimits.MinDurationSeconds) Reject(FailureReasons.AudioTooShort);
    }

    /// <summary>The size rule, checked before anything reads the file.</summary>
    public static void CheckSize(long sizeBytes)
    {
        if (sizeBytes == 0) Reject(FailureReasons.EmptyMedia);
        if (sizeBytes > MediaLimits.MaxSizeBytes) Reject(FailureReasons.FileTooLarge);
    }

    // mp4 and m4a are one container (ISO BMFF): either name fits either file.
    private static bool SameFormat(string given, string detected) =>
        given == detected || (given is "mp4" or "m4a" && detected is "mp4" or "m4a");

    private static void Reject(string reason) => throw new MediaRejectedException(reason);
}
