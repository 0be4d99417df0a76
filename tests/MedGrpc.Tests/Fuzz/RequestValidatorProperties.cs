using FsCheck.Xunit;
using MedGrpc.Core.Errors;
using MedGrpc.Core.Model;
using MedGrpc.Core.Resources;
using MedGrpc.Core.Validation;
using MedGrpc.Core.Vocabularies;

namespace MedGrpc.Tests.Fuzz;

/// <summary>
/// Arbitrary input (FsCheck: nulls, empty, huge, any Unicode, any number) through the one validator:
/// it either accepts or refuses with BadRequest naming a field, and never fails any other way.
/// </summary>
public sealed class RequestValidatorProperties
{
    private static void RefusesOnlyWithBadRequest(Action validate)
    {
        try
        {
            validate();
        }
        catch (ServiceException e)
        {
            Assert.Equal(AwsError.BadRequestException, e.Error);
            Assert.False(string.IsNullOrWhiteSpace(e.Message));
        }
    }

    [Property(MaxTest = 500)]
    public void Any_start_request_is_accepted_or_refused_with_bad_request(
        string name, string language, int? rate, string format, string mediaUri, string bucket, string key,
        string kmsKey, string specialty, string type, string contentIdentification, string vocabulary,
        bool? speakers, int? maxSpeakers, bool? channels, bool? alternatives, int? maxAlternatives,
        string tagKey, string tagValue, string contextKey, string contextValue)
    {
        var request = new JobRequest
        {
            MedicalTranscriptionJobName = name,
            LanguageCode = language,
            MediaSampleRateHertz = rate,
            MediaFormat = format,
            MediaFileUri = mediaUri,
            OutputBucketName = bucket,
            OutputKey = key,
            OutputEncryptionKmsKeyId = kmsKey,
            KmsEncryptionContext = contextKey is null ? null : new Dictionary<string, string> { [contextKey] = contextValue },
            Specialty = specialty,
            Type = type,
            ContentIdentificationType = contentIdentification,
            Settings = new JobSettings
            {
                ShowSpeakerLabels = speakers,
                MaxSpeakerLabels = maxSpeakers,
                ChannelIdentification = channels,
                ShowAlternatives = alternatives,
                MaxAlternatives = maxAlternatives,
                VocabularyName = vocabulary,
            },
            Tags = tagKey is null ? null : [new JobTag(tagKey, tagValue)],
        };
        RefusesOnlyWithBadRequest(() => RequestValidator.ValidateStart(request));
    }

    [Property(MaxTest = 300)]
    public void Any_list_query_is_accepted_or_refused_with_bad_request(string status, string contains, string token, int? maxResults) =>
        RefusesOnlyWithBadRequest(() => RequestValidator.ValidateList(new JobQuery(status, contains, token, maxResults)));

    [Property(MaxTest = 300)]
    public void Any_vocabulary_request_is_accepted_or_refused_with_bad_request(string name, string language, string fileUri, string tagKey, string tagValue) =>
        RefusesOnlyWithBadRequest(() => RequestValidator.ValidateVocabulary(name, language, fileUri, tagKey is null ? null : [new JobTag(tagKey, tagValue)]));

    [Property(MaxTest = 300)]
    public void Any_resource_arn_is_accepted_or_refused_with_bad_request(string arn, string tagKey, string tagValue) =>
        RefusesOnlyWithBadRequest(() => RequestValidator.ValidateTagResource(arn, [new JobTag(tagKey ?? "", tagValue ?? "")]));

    [Property(MaxTest = 300)]
    public void Any_vocabulary_file_is_read_or_refused_with_a_line_and_rule(string content) =>
        Assert.True(TryRead(content ?? "") is null or { Length: > 0 });

    private static string? TryRead(string content)
    {
        try
        {
            VocabularyTable.Parse(System.Text.Encoding.UTF8.GetBytes(content));
            return null;
        }
        catch (VocabularyFileException e)
        {
            return e.Message;
        }
    }
}
