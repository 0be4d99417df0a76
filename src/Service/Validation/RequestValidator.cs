using System.Text.RegularExpressions;
using MedGrpc.Service.Errors;
using MedGrpc.Service.Jobs;

namespace MedGrpc.Service.Validation;

/// <summary>
/// Every request rule of CONTRACT.md, in one place. Each method throws a BadRequest
/// <see cref="ServiceException"/> that names the field and the rule, before any job exists.
/// </summary>
public static partial class RequestValidator
{
    public const int MinSampleRate = 16000;
    public const int MaxSampleRate = 48000;
    public const int MinSpeakerLabels = 2;
    public const int MaxSpeakerLabels = 30;
    public const int MinAlternatives = 2;
    public const int MaxAlternatives = 10;

    [GeneratedRegex("^[0-9a-zA-Z._-]+$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^(s3://|http(s*)://).+$", RegexOptions.Singleline)]
    private static partial Regex UriPattern();

    [GeneratedRegex("^[a-z0-9][\\.\\-a-z0-9]{1,61}[a-z0-9]$")]
    private static partial Regex BucketPattern();

    [GeneratedRegex("^[a-zA-Z0-9-_.!*'()/]{1,1024}$")]
    private static partial Regex OutputKeyPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9:_/+=,@.-]{0,2048}$")]
    private static partial Regex KmsKeyPattern();

    [GeneratedRegex("\\S")]
    private static partial Regex NotBlank();

    [GeneratedRegex("^.+$", RegexOptions.Singleline)]
    private static partial Regex NextTokenPattern();

    public static void ValidateStart(JobRequest request)
    {
        var c = new ConstraintChecker();
        CheckName(c, request.MedicalTranscriptionJobName, "medicalTranscriptionJobName");
        c.Required(request.LanguageCode, "languageCode");
        c.Enum(request.LanguageCode, "languageCode", AwsEnums.LanguageCodes);
        c.Range(request.MediaSampleRateHertz, "mediaSampleRateHertz", MinSampleRate, MaxSampleRate);
        c.Enum(request.MediaFormat, "mediaFormat", AwsEnums.MediaFormats);
        c.Required(request.MediaFileUri, "media.mediaFileUri");
        CheckUri(c, request.MediaFileUri, "media.mediaFileUri");
        CheckUri(c, request.RedactedMediaFileUri, "media.redactedMediaFileUri");
        c.Required(request.OutputBucketName, "outputBucketName");
        c.Length(request.OutputBucketName, "outputBucketName", 0, 64);
        c.Pattern(request.OutputBucketName, "outputBucketName", BucketPattern(), "[a-z0-9][\\.\\-a-z0-9]{1,61}[a-z0-9]");
        c.Length(request.OutputKey, "outputKey", 1, 1024);
        c.Pattern(request.OutputKey, "outputKey", OutputKeyPattern(), "[a-zA-Z0-9-_.!*'()/]{1,1024}$");
        c.Length(request.OutputEncryptionKmsKeyId, "outputEncryptionKMSKeyId", 1, 2048);
        c.Pattern(request.OutputEncryptionKmsKeyId, "outputEncryptionKMSKeyId", KmsKeyPattern(), "^[A-Za-z0-9][A-Za-z0-9:_/+=,@.-]{0,2048}$");
        CheckEncryptionContext(c, request.KmsEncryptionContext);
        c.Range(request.Settings.MaxSpeakerLabels, "settings.maxSpeakerLabels", MinSpeakerLabels, MaxSpeakerLabels);
        c.Range(request.Settings.MaxAlternatives, "settings.maxAlternatives", MinAlternatives, MaxAlternatives);
        if (request.Settings.VocabularyName is not null) CheckName(c, request.Settings.VocabularyName, "settings.vocabularyName");
        c.Enum(request.ContentIdentificationType, "contentIdentificationType", AwsEnums.ContentIdentificationTypes);
        c.Required(request.Specialty, "specialty");
        c.Enum(request.Specialty, "specialty", AwsEnums.Specialties);
        c.Required(request.Type, "type");
        c.Enum(request.Type, "type", AwsEnums.Types);
        CheckTags(c, request.Tags);
        c.ThrowIfAny();

        CheckMedicalRules(request);
    }

    /// <summary>Get, Delete and WatchJob name the job they act on.</summary>
    public static void ValidateJobName(string name)
    {
        var c = new ConstraintChecker();
        CheckName(c, name, "medicalTranscriptionJobName");
        c.ThrowIfAny();
    }

    public static void ValidateList(JobQuery query)
    {
        var c = new ConstraintChecker();
        c.Enum(query.Status, "status", AwsEnums.TranscriptionJobStatuses);
        if (query.JobNameContains is not null) CheckName(c, query.JobNameContains, "jobNameContains");
        c.Length(query.NextToken, "nextToken", 1, 8192);
        c.Pattern(query.NextToken, "nextToken", NextTokenPattern(), ".+");
        c.Range(query.MaxResults, "maxResults", 1, 100);
        c.ThrowIfAny();
    }

    private static void CheckName(ConstraintChecker c, string? name, string field)
    {
        c.Required(name, field);
        c.Length(name, field, 1, 200);
        c.Pattern(name, field, NamePattern(), "^[0-9a-zA-Z._-]+");
    }

    private static void CheckUri(ConstraintChecker c, string? uri, string field)
    {
        c.Length(uri, field, 1, 2000);
        c.Pattern(uri, field, UriPattern(), "(s3://|http(s*)://).+");
    }

    private static void CheckEncryptionContext(ConstraintChecker c, IReadOnlyDictionary<string, string>? context)
    {
        if (context is null) return;
        c.Count(context.Count, "kMSEncryptionContext", 1, 10);
        foreach (var (key, value) in context)
        {
            c.Length(key, "kMSEncryptionContext.key", 1, 2000);
            c.Pattern(key, "kMSEncryptionContext.key", NotBlank(), ".*\\S.*");
            c.Length(value, $"kMSEncryptionContext.{key}", 1, 2000);
            c.Pattern(value, $"kMSEncryptionContext.{key}", NotBlank(), ".*\\S.*");
        }
    }

    private static void CheckTags(ConstraintChecker c, IReadOnlyList<JobTag>? tags)
    {
        if (tags is null) return;
        c.Count(tags.Count, "tags", 1, 200);
        for (var i = 0; i < tags.Count; i++)
        {
            c.Length(tags[i].Key, $"tags.{i + 1}.member.key", 1, 128);
            c.Length(tags[i].Value, $"tags.{i + 1}.member.value", 0, 256);
        }
    }

    /// <summary>Rules beyond the member constraints: what Transcribe Medical itself accepts.</summary>
    private static void CheckMedicalRules(JobRequest request)
    {
        if (request.LanguageCode != AwsEnums.SupportedLanguageCode)
            throw ServiceException.BadRequest(
                $"The language code '{request.LanguageCode}' at 'languageCode' isn't supported for medical transcription: en-US is the only valid value.",
                "languageCode");
        if (request.RedactedMediaFileUri is not null)
            throw ServiceException.BadRequest(
                "'media.redactedMediaFileUri' isn't supported for medical transcription jobs: it applies to Call Analytics jobs only. Remove it.",
                "media.redactedMediaFileUri");

        var s = request.Settings;
        if (s.ShowSpeakerLabels == true && s.ChannelIdentification == true)
            throw ServiceException.BadRequest(
                "You can't include both 'settings.showSpeakerLabels' and 'settings.channelIdentification' in the same request. Choose one.",
                "settings.channelIdentification");
        if (s.ShowSpeakerLabels == true && s.MaxSpeakerLabels is null)
            throw ServiceException.BadRequest(
                "'settings.maxSpeakerLabels' is required when 'settings.showSpeakerLabels' is true: give a value from 2 to 30.",
                "settings.maxSpeakerLabels");
        if (s.MaxSpeakerLabels is not null && s.ShowSpeakerLabels != true)
            throw ServiceException.BadRequest(
                "'settings.maxSpeakerLabels' requires 'settings.showSpeakerLabels' to be true.",
                "settings.showSpeakerLabels");
        if (s.ShowAlternatives == true && s.MaxAlternatives is null)
            throw ServiceException.BadRequest(
                "'settings.maxAlternatives' is required when 'settings.showAlternatives' is true: give a value from 2 to 10.",
                "settings.maxAlternatives");
        if (s.MaxAlternatives is not null && s.ShowAlternatives != true)
            throw ServiceException.BadRequest(
                "'settings.maxAlternatives' requires 'settings.showAlternatives' to be true.",
                "settings.showAlternatives");
        if (request.KmsEncryptionContext is { Count: > 0 } && request.OutputEncryptionKmsKeyId is null)
            throw ServiceException.BadRequest(
                "'kMSEncryptionContext' requires 'outputEncryptionKMSKeyId': an encryption context applies only to a KMS key.",
                "kMSEncryptionContext");
        if (request.Tags is { Count: > 0 } tags)
        {
            var duplicate = tags.GroupBy(t => t.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
                throw ServiceException.BadRequest($"The tag key '{duplicate.Key}' at 'tags' appears more than once: tag keys must be unique.", "tags");
        }
    }
}
