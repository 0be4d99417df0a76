using MedGrpc.Transcribe.V1;

namespace MedGrpc.Cli.Tests;

/// <summary>The command line's AWS spellings of the proto enums (docs/contract.md, "Enum values").</summary>
public sealed class AwsEnumTests
{
    [Theory]
    [InlineData("en-US", LanguageCode.EnUs)]
    [InlineData("ckb-IQ", LanguageCode.CkbIq)]
    [InlineData("EN-us", LanguageCode.EnUs)]
    public void Language_codes_read_in_AWS_spelling_whatever_the_case(string aws, LanguageCode expected)
    {
        Assert.True(AwsEnums.LanguageCodes.TryParse(aws, out var value));
        Assert.Equal(expected, value);
    }

    [Fact]
    public void Every_value_of_every_enum_round_trips_and_UNSPECIFIED_is_not_a_value()
    {
        AssertRoundTrip(AwsEnums.LanguageCodes, 117);
        AssertRoundTrip(AwsEnums.MediaFormats, 8);
        AssertRoundTrip(AwsEnums.Specialties, 6); // batch jobs accept PRIMARYCARE alone, streams all six: the service judges
        AssertRoundTrip(AwsEnums.JobTypes, 2);
        AssertRoundTrip(AwsEnums.Statuses, 4);
        AssertRoundTrip(AwsEnums.ContentIdentificationTypes, 1);
    }

    [Fact]
    public void Values_print_as_AWS_writes_them()
    {
        Assert.Equal("en-US", AwsEnums.LanguageCodes.ToAws(LanguageCode.EnUs));
        Assert.Equal("wav", AwsEnums.MediaFormats.ToAws(MediaFormat.Wav));
        Assert.Equal("IN_PROGRESS", AwsEnums.Statuses.ToAws(TranscriptionJobStatus.InProgress));
        Assert.Equal("DICTATION", AwsEnums.JobTypes.ToAws(MedicalJobType.Dictation));
        Assert.Null(AwsEnums.MediaFormats.ToAws(MediaFormat.Unspecified));
    }

    private static void AssertRoundTrip<T>(AwsEnum<T> values, int count) where T : struct, Enum
    {
        Assert.Equal(count, values.Values.Count);
        Assert.DoesNotContain("UNSPECIFIED", values.Values);
        Assert.All(values.Values, aws =>
        {
            Assert.True(values.TryParse(aws, out var value));
            Assert.Equal(aws, values.ToAws(value));
        });
    }
}
