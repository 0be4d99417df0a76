using MedGrpc.Core.Errors;
using MedGrpc.Core.Model;
using MedGrpc.Core.Resources;
using MedGrpc.Core.Validation;

namespace MedGrpc.Tests.Validation;

public sealed class StartRequestValidationTests
{
    private static ServiceException Rejected(JobRequest request)
    {
        var e = Assert.Throws<ServiceException>(() => RequestValidator.ValidateStart(request));
        Assert.Equal(AwsError.BadRequestException, e.Error);
        return e;
    }

    private static void AssertRejected(JobRequest request, string field, string rule)
    {
        var e = Rejected(request);
        Assert.Contains(e.Violations, v => v.Field == field);
        Assert.Contains(field, e.Message);
        Assert.Contains(rule, e.Message);
    }

    private static readonly JobRequest Valid = ValidRequests.Start();

    [Fact]
    public void A_request_with_every_required_field_and_nothing_else_passes() => RequestValidator.ValidateStart(Valid);

    [Fact]
    public void A_request_using_every_optional_field_correctly_passes() => RequestValidator.ValidateStart(Valid with
    {
        MediaSampleRateHertz = 16000,
        MediaFormat = "wav",
        OutputKey = "folder/sub/visit.json",
        OutputEncryptionKmsKeyId = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        KmsEncryptionContext = new Dictionary<string, string> { ["department"] = "cardiology" },
        Settings = new JobSettings { ShowSpeakerLabels = true, MaxSpeakerLabels = 2, ShowAlternatives = true, MaxAlternatives = 10 },
        ContentIdentificationType = "PHI",
        Tags = [new JobTag("Department", ""), new JobTag("Site", "North")],
    });

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("slash/name")]
    [InlineData("ümlaut")]
    public void A_job_name_outside_the_pattern_is_rejected(string name) =>
        AssertRejected(Valid with { MedicalTranscriptionJobName = name }, "medicalTranscriptionJobName",
            name.Length == 0 ? "length greater than or equal to 1" : "regular expression pattern");

    [Fact]
    public void A_job_name_of_201_characters_is_rejected() =>
        AssertRejected(Valid with { MedicalTranscriptionJobName = new string('a', 201) }, "medicalTranscriptionJobName", "length less than or equal to 200");

    [Fact]
    public void A_job_name_of_200_characters_passes() =>
        RequestValidator.ValidateStart(Valid with { MedicalTranscriptionJobName = new string('a', 200) });

    [Fact]
    public void A_missing_language_code_is_rejected() =>
        AssertRejected(Valid with { LanguageCode = null }, "languageCode", "must not be null");

    [Fact]
    public void A_language_code_outside_the_enum_is_rejected_with_the_value_set() =>
        AssertRejected(Valid with { LanguageCode = "xx-XX" }, "languageCode", "Member must satisfy enum value set: [af-ZA");

    [Fact]
    public void A_known_language_other_than_en_US_is_rejected_as_unsupported_for_medical() =>
        AssertRejected(Valid with { LanguageCode = "en-GB" }, "languageCode", "en-US is the only valid value");

    [Theory]
    [InlineData(15999, "greater than or equal to 16000")]
    [InlineData(48001, "less than or equal to 48000")]
    public void A_sample_rate_outside_16000_to_48000_is_rejected(int rate, string rule) =>
        AssertRejected(Valid with { MediaSampleRateHertz = rate }, "mediaSampleRateHertz", rule);

    [Fact]
    public void A_media_format_outside_the_enum_is_rejected() =>
        AssertRejected(Valid with { MediaFormat = "aiff" }, "mediaFormat", "enum value set: [mp3, mp4, wav, flac, ogg, amr, webm, m4a]");

    [Fact]
    public void A_missing_media_uri_is_rejected() =>
        AssertRejected(Valid with { MediaFileUri = null }, "media.mediaFileUri", "must not be null");

    [Theory]
    [InlineData("ftp://host/file.wav")]
    [InlineData("/local/file.wav")]
    [InlineData("s3://")]
    public void A_media_uri_that_is_not_s3_or_http_is_rejected(string uri) =>
        AssertRejected(Valid with { MediaFileUri = uri }, "media.mediaFileUri", "regular expression pattern: (s3://|http(s*)://).+");

    [Fact]
    public void A_media_uri_longer_than_2000_characters_is_rejected() =>
        AssertRejected(Valid with { MediaFileUri = "s3://b/" + new string('k', 2000) }, "media.mediaFileUri", "length less than or equal to 2000");

    [Fact]
    public void A_redacted_media_uri_is_rejected_for_medical_jobs() =>
        AssertRejected(Valid with { RedactedMediaFileUri = "s3://media/redacted.wav" }, "media.redactedMediaFileUri", "Call Analytics");

    [Fact]
    public void A_missing_output_bucket_is_rejected() =>
        AssertRejected(Valid with { OutputBucketName = null }, "outputBucketName", "must not be null");

    [Theory]
    [InlineData("s3://transcripts")]
    [InlineData("Transcripts")]
    [InlineData("ab")]
    [InlineData("-transcripts")]
    [InlineData("transcripts.")]
    public void An_output_bucket_outside_the_bucket_pattern_is_rejected(string bucket) =>
        AssertRejected(Valid with { OutputBucketName = bucket }, "outputBucketName", "regular expression pattern");

    [Fact]
    public void An_output_bucket_longer_than_64_characters_is_rejected() =>
        AssertRejected(Valid with { OutputBucketName = new string('b', 65) }, "outputBucketName", "length less than or equal to 64");

    [Theory]
    [InlineData("has space.json")]
    [InlineData("percent%.json")]
    public void An_output_key_outside_its_pattern_is_rejected(string key) =>
        AssertRejected(Valid with { OutputKey = key }, "outputKey", "regular expression pattern");

    [Fact]
    public void An_empty_output_key_is_rejected() =>
        AssertRejected(Valid with { OutputKey = "" }, "outputKey", "length greater than or equal to 1");

    [Fact]
    public void An_output_key_longer_than_1024_characters_is_rejected() =>
        AssertRejected(Valid with { OutputKey = new string('k', 1025) }, "outputKey", "length less than or equal to 1024");

    [Theory]
    [InlineData("-starts-with-dash")]
    [InlineData("has space")]
    public void A_kms_key_id_outside_its_pattern_is_rejected(string key) =>
        AssertRejected(Valid with { OutputEncryptionKmsKeyId = key }, "outputEncryptionKMSKeyId", "regular expression pattern");

    [Fact]
    public void A_kms_encryption_context_without_a_key_is_rejected() =>
        AssertRejected(Valid with { KmsEncryptionContext = new Dictionary<string, string> { ["a"] = "b" } }, "kMSEncryptionContext", "requires 'outputEncryptionKMSKeyId'");

    [Fact]
    public void A_kms_encryption_context_of_eleven_pairs_is_rejected() =>
        AssertRejected(Valid with
        {
            OutputEncryptionKmsKeyId = "alias/clinic",
            KmsEncryptionContext = Enumerable.Range(0, 11).ToDictionary(i => $"k{i}", i => "v"),
        }, "kMSEncryptionContext", "length less than or equal to 10");

    [Fact]
    public void A_blank_kms_encryption_context_value_is_rejected() =>
        AssertRejected(Valid with
        {
            OutputEncryptionKmsKeyId = "alias/clinic",
            KmsEncryptionContext = new Dictionary<string, string> { ["k"] = "   " },
        }, "kMSEncryptionContext.k", "regular expression pattern: .*\\S.*");

    [Fact]
    public void Speaker_labels_together_with_channel_identification_are_rejected() =>
        AssertRejected(Valid with { Settings = new JobSettings { ShowSpeakerLabels = true, MaxSpeakerLabels = 2, ChannelIdentification = true } },
            "settings.channelIdentification", "both 'settings.showSpeakerLabels' and 'settings.channelIdentification'");

    [Fact]
    public void Speaker_labels_without_a_maximum_are_rejected() =>
        AssertRejected(Valid with { Settings = new JobSettings { ShowSpeakerLabels = true } }, "settings.maxSpeakerLabels", "is required when");

    [Fact]
    public void A_speaker_maximum_without_speaker_labels_is_rejected() =>
        AssertRejected(Valid with { Settings = new JobSettings { MaxSpeakerLabels = 3 } }, "settings.showSpeakerLabels", "requires 'settings.showSpeakerLabels' to be true");

    [Theory]
    [InlineData(1, "greater than or equal to 2")]
    [InlineData(31, "less than or equal to 30")]
    public void A_speaker_maximum_outside_2_to_30_is_rejected(int max, string rule) =>
        AssertRejected(Valid with { Settings = new JobSettings { ShowSpeakerLabels = true, MaxSpeakerLabels = max } }, "settings.maxSpeakerLabels", rule);

    [Fact]
    public void Alternatives_without_a_maximum_are_rejected() =>
        AssertRejected(Valid with { Settings = new JobSettings { ShowAlternatives = true } }, "settings.maxAlternatives", "is required when");

    [Fact]
    public void An_alternatives_maximum_without_alternatives_is_rejected() =>
        AssertRejected(Valid with { Settings = new JobSettings { ShowAlternatives = false, MaxAlternatives = 3 } }, "settings.showAlternatives", "requires 'settings.showAlternatives' to be true");

    [Theory]
    [InlineData(1, "greater than or equal to 2")]
    [InlineData(11, "less than or equal to 10")]
    public void An_alternatives_maximum_outside_2_to_10_is_rejected(int max, string rule) =>
        AssertRejected(Valid with { Settings = new JobSettings { ShowAlternatives = true, MaxAlternatives = max } }, "settings.maxAlternatives", rule);

    [Fact]
    public void A_vocabulary_name_outside_the_pattern_is_rejected() =>
        AssertRejected(Valid with { Settings = new JobSettings { VocabularyName = "my vocabulary" } }, "settings.vocabularyName", "regular expression pattern");

    [Fact]
    public void A_content_identification_type_other_than_PHI_is_rejected() =>
        AssertRejected(Valid with { ContentIdentificationType = "PII" }, "contentIdentificationType", "enum value set: [PHI]");

    [Fact]
    public void A_missing_specialty_is_rejected() =>
        AssertRejected(Valid with { Specialty = null }, "specialty", "must not be null");

    [Fact]
    public void A_specialty_other_than_PRIMARYCARE_is_rejected() =>
        AssertRejected(Valid with { Specialty = "CARDIOLOGY" }, "specialty", "enum value set: [PRIMARYCARE]");

    [Fact]
    public void A_missing_type_is_rejected() =>
        AssertRejected(Valid with { Type = null }, "type", "must not be null");

    [Fact]
    public void A_type_other_than_conversation_or_dictation_is_rejected() =>
        AssertRejected(Valid with { Type = "MONOLOGUE" }, "type", "enum value set: [CONVERSATION, DICTATION]");

    [Fact]
    public void An_empty_tag_list_is_rejected() =>
        AssertRejected(Valid with { Tags = [] }, "tags", "length greater than or equal to 1");

    [Fact]
    public void More_than_200_tags_are_rejected() =>
        AssertRejected(Valid with { Tags = Enumerable.Range(0, 201).Select(i => new JobTag($"k{i}", "v")).ToList() }, "tags", "length less than or equal to 200");

    [Theory]
    [InlineData(0, "greater than or equal to 1")]
    [InlineData(129, "less than or equal to 128")]
    public void A_tag_key_outside_1_to_128_characters_is_rejected(int length, string rule) =>
        AssertRejected(Valid with { Tags = [new JobTag(new string('k', length), "v")] }, "tags.1.member.key", rule);

    [Fact]
    public void A_tag_value_longer_than_256_characters_is_rejected() =>
        AssertRejected(Valid with { Tags = [new JobTag("k", new string('v', 257))] }, "tags.1.member.value", "less than or equal to 256");

    [Fact]
    public void Duplicate_tag_keys_are_rejected() =>
        AssertRejected(Valid with { Tags = [new JobTag("k", "a"), new JobTag("k", "b")] }, "tags", "more than once");

    [Fact]
    public void Every_broken_constraint_is_reported_in_one_AWS_style_message()
    {
        var e = Rejected(Valid with { MedicalTranscriptionJobName = "bad name", Type = null });
        Assert.StartsWith("2 validation errors detected: ", e.Message);
        Assert.Contains("Value 'bad name' at 'medicalTranscriptionJobName' failed to satisfy constraint", e.Message);
        Assert.Contains("Value null at 'type' failed to satisfy constraint: Member must not be null", e.Message);
    }
}
