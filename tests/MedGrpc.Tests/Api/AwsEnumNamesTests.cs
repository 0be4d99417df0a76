using MedGrpc.Service.Api;
using MedGrpc.Core.Validation;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Tests.Api;

public sealed class AwsEnumNamesTests
{
    [Fact]
    public void Every_AWS_language_code_has_a_protobuf_value_and_maps_back()
    {
        foreach (var code in AwsEnums.LanguageCodes)
        {
            var value = AwsEnumNames.ToLanguageCode(code);
            Assert.NotEqual(LanguageCode.Unspecified, value);
            Assert.Equal(code, AwsEnumNames.ToAws(value));
        }
        Assert.Equal(AwsEnums.LanguageCodes.Count, Enum.GetValues<LanguageCode>().Length - 1);
    }

    [Fact]
    public void Every_AWS_media_format_has_a_protobuf_value_and_maps_back()
    {
        foreach (var format in AwsEnums.MediaFormats)
            Assert.Equal(format, AwsEnumNames.ToAws(AwsEnumNames.ToMediaFormat(format)));
    }

    [Fact]
    public void Unspecified_means_not_set() => Assert.Null(AwsEnumNames.ToAws(LanguageCode.Unspecified));

    [Fact]
    public void A_number_the_enum_lacks_is_passed_on_as_its_digits() => Assert.Equal("999", AwsEnumNames.ToAws((Specialty)999));

    [Theory]
    [InlineData(LanguageCode.EnUs, "en-US")]
    [InlineData(LanguageCode.CkbIq, "ckb-IQ")]
    public void Language_codes_keep_AWS_casing(LanguageCode value, string aws) => Assert.Equal(aws, AwsEnumNames.ToAws(value));

    [Fact]
    public void Job_type_and_status_use_the_AWS_words()
    {
        Assert.Equal("DICTATION", AwsEnumNames.ToAws(MedicalJobType.Dictation));
        Assert.Equal("IN_PROGRESS", AwsEnumNames.ToAws(TranscriptionJobStatus.InProgress));
        Assert.Equal("PRIMARYCARE", AwsEnumNames.ToAws(Specialty.Primarycare));
        Assert.Equal("PHI", AwsEnumNames.ToAws(ContentIdentificationType.Phi));
    }

    // The validator's sets are generated from enums.proto at build time; the edge reads the same enums through the descriptor.
    [Fact]
    public void The_validators_enum_sets_are_the_descriptors_values_in_order()
    {
        static IEnumerable<string> Aws<T>(Func<T, string?> toAws) where T : struct, Enum =>
            Enum.GetValues<T>().Where(v => Convert.ToInt32(v) != 0).Select(v => toAws(v)!);
        Assert.Equal(Aws<LanguageCode>(AwsEnumNames.ToAws), AwsEnums.LanguageCodes);
        Assert.Equal(Aws<MediaFormat>(AwsEnumNames.ToAws), AwsEnums.MediaFormats);
        Assert.Equal(Aws<Specialty>(AwsEnumNames.ToAws), AwsEnums.Specialties);
        Assert.Equal(Aws<MedicalJobType>(AwsEnumNames.ToAws), AwsEnums.Types);
        Assert.Equal(Aws<ContentIdentificationType>(AwsEnumNames.ToAws), AwsEnums.ContentIdentificationTypes);
        Assert.Equal(Aws<VocabularyState>(AwsEnumNames.ToAws), AwsEnums.VocabularyStates);
        Assert.Equal(Aws<TranscriptionJobStatus>(AwsEnumNames.ToAws), AwsEnums.TranscriptionJobStatuses);
    }
}
