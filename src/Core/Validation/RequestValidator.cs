using System.Text.RegularExpressions;
using MedGrpc.Core.Contract;
using MedGrpc.Core.Errors;
using MedGrpc.Core.Model;
using MedGrpc.Core.Resources;

namespace MedGrpc.Core.Validation;

/// <summary>
/// Every request rule (docs/contract.md, "Request rules"), in one place: the rules of a request itself here, and beside
/// this file, one idea a file, the rules that need facts from the stores (ReferenceRules.cs: a job's vocabulary, media,
/// KMS key and output, a vocabulary's file; TagRules.cs: the tagged resource and its tag total; PagingRules.cs: a List's
/// NextToken; ObjectRules.cs: an ObjectStore request's bucket and key). The operations and the gRPC edge only look the
/// facts up and call these methods, which decide. Each method throws a BadRequest <see cref="ServiceException"/> that
/// names the field and the rule, before any job exists (the one exception: a tagged resource that isn't found is
/// ResourceNotFound, as on AWS).
/// </summary>
public static partial class RequestValidator
{
    [GeneratedRegex(ContractLimits.NamePattern)]
    private static partial Regex NamePattern();

    [GeneratedRegex(ContractLimits.UriPattern, RegexOptions.Singleline)]
    private static partial Regex UriPattern();

    [GeneratedRegex(ContractLimits.BucketNamePattern)]
    private static partial Regex BucketPattern();

    [GeneratedRegex(ContractLimits.OutputKeyPattern)]
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
        c.Range(request.MediaSampleRateHertz, "mediaSampleRateHertz", ContractLimits.MinSampleRate, ContractLimits.MaxSampleRate);
        c.Enum(request.MediaFormat, "mediaFormat", AwsEnums.MediaFormats);
        c.Required(request.MediaFileUri, "media.mediaFileUri");
        CheckUri(c, request.MediaFileUri, "media.mediaFileUri");
        CheckUri(c, request.RedactedMediaFileUri, "media.redactedMediaFileUri");
        c.Required(request.OutputBucketName, "outputBucketName");
        CheckOutputMembers(c, request.OutputBucketName, request.OutputKey);
        c.Length(request.OutputEncryptionKmsKeyId, "outputEncryptionKMSKeyId", 1, 2048);
        c.Pattern(request.OutputEncryptionKmsKeyId, "outputEncryptionKMSKeyId", KmsKeyPattern(), "^[A-Za-z0-9][A-Za-z0-9:_/+=,@.-]{0,2048}$");
        CheckEncryptionContext(c, request.KmsEncryptionContext);
        c.Range(request.Settings.MaxSpeakerLabels, "settings.maxSpeakerLabels", ContractLimits.MinSpeakerLabels, ContractLimits.MaxSpeakerLabels);
        c.Range(request.Settings.MaxAlternatives, "settings.maxAlternatives", ContractLimits.MinAlternatives, ContractLimits.MaxAlternatives);
        if (request.Settings.VocabularyName is not null) CheckName(c, request.Settings.VocabularyName, "settings.vocabularyName");
        c.Enum(request.ContentIdentificationType, "contentIdentificationType", AwsEnums.ContentIdentificationTypes);
        c.Required(request.Specialty, "specialty");
        c.Enum(request.Specialty, "specialty", SpecialtyRules.Batch);
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
        CheckPaging(c, query.NextToken, query.MaxResults);
        c.ThrowIfAny();
    }

    /// <summary>CreateMedicalVocabulary and UpdateMedicalVocabulary (which has no tags).</summary>
    public static void ValidateVocabulary(string name, string? languageCode, string? fileUri, IReadOnlyList<JobTag>? tags)
    {
        var c = new ConstraintChecker();
        CheckName(c, name, "vocabularyName");
        c.Required(languageCode, "languageCode");
        c.Enum(languageCode, "languageCode", AwsEnums.LanguageCodes);
        c.Required(fileUri, "vocabularyFileUri");
        CheckUri(c, fileUri, "vocabularyFileUri");
        CheckTags(c, tags);
        c.ThrowIfAny();

        if (languageCode != AwsEnums.SupportedLanguageCode)
            throw ServiceException.BadRequest(
                $"The language code '{languageCode}' at 'languageCode' isn't supported for medical vocabularies: en-US is the only valid value.",
                "languageCode");
        CheckUniqueTagKeys(tags);
    }

    /// <summary>Get and Delete name the vocabulary they act on.</summary>
    public static void ValidateVocabularyName(string name)
    {
        var c = new ConstraintChecker();
        CheckName(c, name, "vocabularyName");
        c.ThrowIfAny();
    }

    public static void ValidateList(VocabularyQuery query)
    {
        var c = new ConstraintChecker();
        c.Enum(query.StateEquals, "stateEquals", AwsEnums.VocabularyStates);
        if (query.NameContains is not null) CheckName(c, query.NameContains, "nameContains");
        CheckPaging(c, query.NextToken, query.MaxResults);
        c.ThrowIfAny();
    }

    /// <summary>The paging members every List shares: NextToken (1–8192, not empty) and MaxResults (1–100).</summary>
    private static void CheckPaging(ConstraintChecker c, string? nextToken, int? maxResults)
    {
        c.Length(nextToken, "nextToken", 1, 8192);
        c.Pattern(nextToken, "nextToken", NextTokenPattern(), ".+");
        c.Range(maxResults, "maxResults", 1, 100);
    }

    public static void ValidateTagResource(string resourceArn, IReadOnlyList<JobTag> tags)
    {
        var c = new ConstraintChecker();
        CheckArn(c, resourceArn);
        c.Count(tags.Count, "tags", 1, 200);
        CheckTags(c, tags);
        c.ThrowIfAny();
        CheckUniqueTagKeys(tags);
        CheckReservedTagKeys(tags.Select(t => t.Key), "tags");
    }

    public static void ValidateUntagResource(string resourceArn, IReadOnlyList<string> keys)
    {
        var c = new ConstraintChecker();
        CheckArn(c, resourceArn);
        c.Count(keys.Count, "tagKeys", 1, 200);
        for (var i = 0; i < keys.Count; i++) c.Length(keys[i], $"tagKeys.{i + 1}.member", 1, 128);
        c.ThrowIfAny();
    }

    public static void ValidateResourceArn(string resourceArn)
    {
        var c = new ConstraintChecker();
        CheckArn(c, resourceArn);
        c.ThrowIfAny();
    }

    private static void CheckArn(ConstraintChecker c, string arn)
    {
        c.Required(arn.Length == 0 ? null : arn, "resourceArn");
        c.Length(arn, "resourceArn", 1, 1011);
        c.Pattern(arn, "resourceArn", ArnPattern(), "arn:aws(-[^:]+)?:transcribe:[a-zA-Z0-9-]*:[0-9]{12}:[a-zA-Z-]*/[0-9a-zA-Z._-]+");
    }

    [GeneratedRegex("^arn:aws(-[^:]+)?:transcribe:[a-zA-Z0-9-]*:[0-9]{12}:[a-zA-Z-]*/[0-9a-zA-Z._-]+$")]
    private static partial Regex ArnPattern();

    private static void CheckUniqueTagKeys(IReadOnlyList<JobTag>? tags)
    {
        if (tags is not { Count: > 0 }) return;
        var duplicate = tags.GroupBy(t => t.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw ServiceException.BadRequest($"The tag key '{duplicate.Key}' at 'tags' appears more than once: tag keys must be unique.", "tags");
    }

    // AWS reserves the aws: prefix for its own tags.
    private static void CheckReservedTagKeys(IEnumerable<string> keys, string field)
    {
        var reserved = keys.FirstOrDefault(k => k.StartsWith("aws:", StringComparison.OrdinalIgnoreCase));
        if (reserved is not null)
            throw ServiceException.BadRequest($"The tag key '{reserved}' at '{field}' starts with 'aws:', a prefix reserved for AWS's own tags.", field);
    }

    private static void CheckName(ConstraintChecker c, string? name, string field)
    {
        c.Required(name, field);
        c.Length(name, field, 1, ContractLimits.MaxNameLength);
        c.Pattern(name, field, NamePattern(), "^[0-9a-zA-Z._-]+");
    }

    /// <summary>The output members' constraints, a job's and a recorded stream's alike (StreamRules.cs).</summary>
    private static void CheckOutputMembers(ConstraintChecker c, string? bucket, string? outputKey)
    {
        c.Length(bucket, "outputBucketName", 0, ContractLimits.MaxBucketNameLength);
        c.Pattern(bucket, "outputBucketName", BucketPattern(), "[a-z0-9][\\.\\-a-z0-9]{1,61}[a-z0-9]");
        c.Length(outputKey, "outputKey", 1, ContractLimits.MaxOutputKeyLength);
        c.Pattern(outputKey, "outputKey", OutputKeyPattern(), "[a-zA-Z0-9-_.!*'()/]{1,1024}$");
    }

    private static void CheckUri(ConstraintChecker c, string? uri, string field)
    {
        c.Length(uri, field, 1, ContractLimits.MaxUriLength);
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
            c.Length(tags[i].Key, $"tags.{i + 1}.member.key", 1, ContractLimits.MaxTagKeyLength);
            c.Length(tags[i].Value, $"tags.{i + 1}.member.value", 0, ContractLimits.MaxTagValueLength);
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
        CheckUniqueTagKeys(request.Tags);
        if (request.Tags is not null) CheckReservedTagKeys(request.Tags.Select(t => t.Key), "tags");
    }
}
