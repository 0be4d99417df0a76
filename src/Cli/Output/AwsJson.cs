using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Protobuf.WellKnownTypes;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Cli.Output;

/// <summary>
/// --json output in the shape the AWS CLI prints for the same operations (PascalCase members, AWS enum values,
/// unset members left out), so that scripts written against `aws transcribe` read medgrpc's output unchanged.
/// </summary>
internal static class AwsJson
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        // Job names and failure reasons are printed as they are, not as \u escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Written straight to standard output: Spectre would fold long lines.</summary>
    public static void Print(JsonObject value) => Console.Out.WriteLine(value.ToJsonString(Indented));

    public static JsonObject JobResponse(MedicalTranscriptionJob job) => new() { ["MedicalTranscriptionJob"] = Job(job) };

    public static JsonObject Job(MedicalTranscriptionJob job)
    {
        var json = new JsonObject
        {
            ["MedicalTranscriptionJobName"] = job.MedicalTranscriptionJobName,
            ["TranscriptionJobStatus"] = AwsEnums.Statuses.ToAws(job.TranscriptionJobStatus),
            ["LanguageCode"] = AwsEnums.LanguageCodes.ToAws(job.LanguageCode),
        };
        if (job.HasMediaSampleRateHertz) json["MediaSampleRateHertz"] = job.MediaSampleRateHertz;
        json["MediaFormat"] = AwsEnums.MediaFormats.ToAws(job.MediaFormat);
        if (job.Media is { } media)
        {
            var mediaJson = new JsonObject();
            if (media.HasMediaFileUri) mediaJson["MediaFileUri"] = media.MediaFileUri;
            if (media.HasRedactedMediaFileUri) mediaJson["RedactedMediaFileUri"] = media.RedactedMediaFileUri;
            json["Media"] = mediaJson;
        }
        if (job.Transcript is { HasTranscriptFileUri: true } transcript)
            json["Transcript"] = new JsonObject { ["TranscriptFileUri"] = transcript.TranscriptFileUri };
        json["StartTime"] = Time(job.StartTime);
        json["CreationTime"] = Time(job.CreationTime);
        json["CompletionTime"] = Time(job.CompletionTime);
        if (job.HasFailureReason) json["FailureReason"] = job.FailureReason;
        if (job.Settings is { } settings && Settings(settings) is { Count: > 0 } settingsJson) json["Settings"] = settingsJson;
        json["ContentIdentificationType"] = AwsEnums.ContentIdentificationTypes.ToAws(job.ContentIdentificationType);
        json["Specialty"] = AwsEnums.Specialties.ToAws(job.Specialty);
        json["Type"] = AwsEnums.JobTypes.ToAws(job.Type);
        if (job.Tags.Count > 0) json["Tags"] = Tags(job.Tags);
        return WithoutNulls(json);
    }

    public static JsonObject ListResponse(ListMedicalTranscriptionJobsResponse response)
    {
        var json = new JsonObject
        {
            ["Status"] = AwsEnums.Statuses.ToAws(response.Status),
            ["NextToken"] = response.HasNextToken ? response.NextToken : null,
            ["MedicalTranscriptionJobSummaries"] = new JsonArray([.. response.MedicalTranscriptionJobSummaries.Select(Summary)]),
        };
        return WithoutNulls(json);
    }

    private static JsonNode Summary(MedicalTranscriptionJobSummary summary)
    {
        var json = new JsonObject
        {
            ["MedicalTranscriptionJobName"] = summary.MedicalTranscriptionJobName,
            ["CreationTime"] = Time(summary.CreationTime),
            ["StartTime"] = Time(summary.StartTime),
            ["CompletionTime"] = Time(summary.CompletionTime),
            ["LanguageCode"] = AwsEnums.LanguageCodes.ToAws(summary.LanguageCode),
            ["TranscriptionJobStatus"] = AwsEnums.Statuses.ToAws(summary.TranscriptionJobStatus),
            ["FailureReason"] = summary.HasFailureReason ? summary.FailureReason : null,
            ["OutputLocationType"] = AwsEnums.OutputLocationTypes.ToAws(summary.OutputLocationType),
            ["Specialty"] = AwsEnums.Specialties.ToAws(summary.Specialty),
            ["ContentIdentificationType"] = AwsEnums.ContentIdentificationTypes.ToAws(summary.ContentIdentificationType),
            ["Type"] = AwsEnums.JobTypes.ToAws(summary.Type),
        };
        return WithoutNulls(json);
    }

    private static JsonObject Settings(MedicalTranscriptionSetting settings)
    {
        var json = new JsonObject();
        if (settings.HasShowSpeakerLabels) json["ShowSpeakerLabels"] = settings.ShowSpeakerLabels;
        if (settings.HasMaxSpeakerLabels) json["MaxSpeakerLabels"] = settings.MaxSpeakerLabels;
        if (settings.HasChannelIdentification) json["ChannelIdentification"] = settings.ChannelIdentification;
        if (settings.HasShowAlternatives) json["ShowAlternatives"] = settings.ShowAlternatives;
        if (settings.HasMaxAlternatives) json["MaxAlternatives"] = settings.MaxAlternatives;
        if (settings.HasVocabularyName) json["VocabularyName"] = settings.VocabularyName;
        return json;
    }

    private static JsonArray Tags(IEnumerable<Tag> tags) =>
        new([.. tags.Select(t => (JsonNode)new JsonObject { ["Key"] = t.Key, ["Value"] = t.Value })]);

    /// <summary>ISO 8601 in UTC, as the AWS CLI prints timestamps; null when the job has not reached that point.</summary>
    public static string? Time(Timestamp? time) =>
        time is null ? null : time.ToDateTimeOffset().ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", System.Globalization.CultureInfo.InvariantCulture);

    private static JsonObject WithoutNulls(JsonObject json)
    {
        foreach (var name in json.Where(p => p.Value is null).Select(p => p.Key).ToList()) json.Remove(name);
        return json;
    }
}
