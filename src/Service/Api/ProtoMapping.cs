using Google.Protobuf.WellKnownTypes;
using MedGrpc.Core.Model;
using MedGrpc.Core.Resources;
using MedGrpc.Transcribe.V1;
using Job = MedGrpc.Core.Model.Job;

namespace MedGrpc.Service.Api;

/// <summary>Protobuf messages ↔ the domain. Nothing else in the service sees generated types.</summary>
public static class ProtoMapping
{
    public static JobRequest ToDomain(StartMedicalTranscriptionJobRequest request)
    {
        var settings = request.Settings;
        return new JobRequest
        {
            MedicalTranscriptionJobName = request.MedicalTranscriptionJobName,
            LanguageCode = AwsEnumNames.ToAws(request.LanguageCode),
            MediaSampleRateHertz = request.HasMediaSampleRateHertz ? request.MediaSampleRateHertz : null,
            MediaFormat = AwsEnumNames.ToAws(request.MediaFormat),
            MediaFileUri = request.Media is { HasMediaFileUri: true } ? request.Media.MediaFileUri : null,
            RedactedMediaFileUri = request.Media is { HasRedactedMediaFileUri: true } ? request.Media.RedactedMediaFileUri : null,
            OutputBucketName = request.OutputBucketName.Length > 0 ? request.OutputBucketName : null,
            OutputKey = request.HasOutputKey ? request.OutputKey : null,
            OutputEncryptionKmsKeyId = request.HasOutputEncryptionKmsKeyId ? request.OutputEncryptionKmsKeyId : null,
            KmsEncryptionContext = request.KmsEncryptionContext.Count > 0 ? new Dictionary<string, string>(request.KmsEncryptionContext) : null,
            Settings = settings is null ? new JobSettings() : new JobSettings
            {
                ShowSpeakerLabels = settings.HasShowSpeakerLabels ? settings.ShowSpeakerLabels : null,
                MaxSpeakerLabels = settings.HasMaxSpeakerLabels ? settings.MaxSpeakerLabels : null,
                ChannelIdentification = settings.HasChannelIdentification ? settings.ChannelIdentification : null,
                ShowAlternatives = settings.HasShowAlternatives ? settings.ShowAlternatives : null,
                MaxAlternatives = settings.HasMaxAlternatives ? settings.MaxAlternatives : null,
                VocabularyName = settings.HasVocabularyName ? settings.VocabularyName : null,
            },
            ContentIdentificationType = AwsEnumNames.ToAws(request.ContentIdentificationType),
            Specialty = AwsEnumNames.ToAws(request.Specialty),
            Type = AwsEnumNames.ToAws(request.Type),
            Tags = ToDomain(request.Tags),
        };
    }

    /// <summary>Tags as given; null when there are none (AWS: the member was not set).</summary>
    public static IReadOnlyList<JobTag>? ToDomain(IReadOnlyCollection<Tag> tags) =>
        tags.Count > 0 ? tags.Select(t => new JobTag(t.Key, t.Value)).ToList() : null;

    public static JobQuery ToDomain(ListMedicalTranscriptionJobsRequest request) => new(
        AwsEnumNames.ToAws(request.Status),
        request.HasJobNameContains ? request.JobNameContains : null,
        request.HasNextToken ? request.NextToken : null,
        request.HasMaxResults ? request.MaxResults : null);

    public static MedicalTranscriptionJob ToProto(Job job)
    {
        var request = job.Request;
        var proto = new MedicalTranscriptionJob
        {
            MedicalTranscriptionJobName = job.Name,
            TranscriptionJobStatus = AwsEnumNames.ToStatus(job.Status.ToAws()),
            LanguageCode = AwsEnumNames.ToLanguageCode(request.LanguageCode),
            MediaFormat = AwsEnumNames.ToMediaFormat(job.MediaFormat),
            Media = new Transcribe.V1.Media(),
            Transcript = new MedicalTranscript(),
            CreationTime = Timestamp.FromDateTimeOffset(job.CreationTime),
            Settings = ToProto(request.Settings.Echoed()),
            ContentIdentificationType = AwsEnumNames.ToContentIdentificationType(request.ContentIdentificationType),
            Specialty = AwsEnumNames.ToSpecialty(request.Specialty),
            Type = AwsEnumNames.ToJobType(request.Type),
        };
        if (job.MediaSampleRateHertz is { } rate) proto.MediaSampleRateHertz = rate;
        if (request.MediaFileUri is { } uri) proto.Media.MediaFileUri = uri;
        if (job.TranscriptFileUri is { } transcript) proto.Transcript.TranscriptFileUri = transcript;
        if (job.StartTime is { } started) proto.StartTime = Timestamp.FromDateTimeOffset(started);
        if (job.CompletionTime is { } completed) proto.CompletionTime = Timestamp.FromDateTimeOffset(completed);
        if (job.FailureReason is { } reason) proto.FailureReason = reason;
        if (request.Tags is { } tags) proto.Tags.AddRange(tags.Select(t => new Tag { Key = t.Key, Value = t.Value }));
        return proto;
    }

    public static MedicalTranscriptionJobSummary ToSummary(Job job)
    {
        var summary = new MedicalTranscriptionJobSummary
        {
            MedicalTranscriptionJobName = job.Name,
            CreationTime = Timestamp.FromDateTimeOffset(job.CreationTime),
            LanguageCode = AwsEnumNames.ToLanguageCode(job.Request.LanguageCode),
            TranscriptionJobStatus = AwsEnumNames.ToStatus(job.Status.ToAws()),
            OutputLocationType = OutputLocationType.CustomerBucket,
            Specialty = AwsEnumNames.ToSpecialty(job.Request.Specialty),
            ContentIdentificationType = AwsEnumNames.ToContentIdentificationType(job.Request.ContentIdentificationType),
            Type = AwsEnumNames.ToJobType(job.Request.Type),
        };
        if (job.StartTime is { } started) summary.StartTime = Timestamp.FromDateTimeOffset(started);
        if (job.CompletionTime is { } completed) summary.CompletionTime = Timestamp.FromDateTimeOffset(completed);
        if (job.FailureReason is { } reason) summary.FailureReason = reason;
        return summary;
    }

    private static MedicalTranscriptionSetting ToProto(JobSettings settings)
    {
        var proto = new MedicalTranscriptionSetting();
        if (settings.ShowSpeakerLabels is { } showSpeakers) proto.ShowSpeakerLabels = showSpeakers;
        if (settings.MaxSpeakerLabels is { } maxSpeakers) proto.MaxSpeakerLabels = maxSpeakers;
        if (settings.ChannelIdentification is { } channels) proto.ChannelIdentification = channels;
        if (settings.ShowAlternatives is { } showAlternatives) proto.ShowAlternatives = showAlternatives;
        if (settings.MaxAlternatives is { } maxAlternatives) proto.MaxAlternatives = maxAlternatives;
        if (settings.VocabularyName is { } vocabulary) proto.VocabularyName = vocabulary;
        return proto;
    }
}
