using MedGrpc.Core.Media;
using MedGrpc.Core.Model;
using MedGrpc.Tests.Validation;

namespace MedGrpc.Tests.Media;

public sealed class MediaRulesTests
{
    private static readonly MediaInfo Wav16k = new("wav", "wav", "pcm_s16le", 16000, 1, 5.0, 160_000);
    private static readonly JobRequest Request = ValidRequests.Start();

    private static string FailureOf(JobRequest request, MediaInfo media) =>
        Assert.Throws<MediaRejectedException>(() => MediaRules.Check(request.DeclaredMedia, media)).FailureReason;

    [Fact]
    public void Media_within_every_limit_passes() => MediaRules.Check(Request.DeclaredMedia, Wav16k);

    [Fact]
    public void A_container_that_is_none_of_the_eight_formats_is_unsupported() =>
        Assert.Equal("Unsupported media format", FailureOf(Request, Wav16k with { Container = "avi", MediaFormat = null }));

    [Fact]
    public void A_given_format_that_differs_from_the_detected_one_fails() =>
        Assert.Equal("The media format provided does not match the detected media format", FailureOf(Request with { MediaFormat = "mp3" }, Wav16k));

    [Theory]
    [InlineData("mp4", "m4a")]
    [InlineData("m4a", "mp4")]
    public void Mp4_and_m4a_name_the_same_container(string given, string detected) =>
        MediaRules.Check((Request with { MediaFormat = given }).DeclaredMedia, Wav16k with { MediaFormat = detected });

    [Theory]
    [InlineData(8000)]
    [InlineData(96000)]
    public void A_detected_sample_rate_outside_16000_to_48000_fails(int rate) =>
        Assert.Equal("Invalid sample rate for audio file", FailureOf(Request, Wav16k with { SampleRate = rate }));

    [Fact]
    public void A_given_sample_rate_that_differs_from_the_detected_one_fails() =>
        Assert.Equal("The sample rate provided does not match the detected sample rate", FailureOf(Request with { MediaSampleRateHertz = 44100 }, Wav16k));

    [Fact]
    public void More_than_two_channels_with_channel_identification_fail() =>
        Assert.Equal("Invalid number of channels: number of channels too large",
            FailureOf(Request with { Settings = new JobSettings { ChannelIdentification = true } }, Wav16k with { Channels = 3 }));

    [Fact]
    public void More_than_two_channels_without_channel_identification_are_mixed_down() =>
        MediaRules.Check(Request.DeclaredMedia, Wav16k with { Channels = 6 });

    [Fact]
    public void Audio_longer_than_four_hours_fails() =>
        Assert.Equal("Invalid file size: file size too large. Maximum audio duration is 4.000000 hours.", FailureOf(Request, Wav16k with { DurationSeconds = 4 * 3600 + 1 }));

    [Fact]
    public void Audio_shorter_than_half_a_second_fails() =>
        Assert.Equal("The input media file length is too small. Check the length of the file and try your request again.", FailureOf(Request, Wav16k with { DurationSeconds = 0.4 }));

    [Fact]
    public void A_file_over_two_gigabytes_fails_before_it_is_read() =>
        Assert.Equal("Invalid file size: file size too large",
            Assert.Throws<MediaRejectedException>(() => MediaRules.CheckSize(2L * 1024 * 1024 * 1024 + 1)).FailureReason);

    [Fact]
    public void An_empty_file_fails_with_a_reason_that_says_so() =>
        Assert.Contains("empty", Assert.Throws<MediaRejectedException>(() => MediaRules.CheckSize(0)).FailureReason);
}
