using System.Text.Json.Serialization;
using MedGrpc.Core.Media;
using MedGrpc.Core.Resources;

namespace MedGrpc.Core.Model;

/// <summary>
/// A StartMedicalTranscriptionJob request in AWS's own terms: enum fields hold AWS wire values
/// ("en-US", "wav", "PRIMARYCARE"), and null means the caller did not set the field.
/// </summary>
public sealed record JobRequest
{
    public required string MedicalTranscriptionJobName { get; init; }
    public string? LanguageCode { get; init; }
    public int? MediaSampleRateHertz { get; init; }
    public string? MediaFormat { get; init; }
    public string? MediaFileUri { get; init; }
    public string? RedactedMediaFileUri { get; init; }
    public string? OutputBucketName { get; init; }
    public string? OutputKey { get; init; }
    public string? OutputEncryptionKmsKeyId { get; init; }
    public IReadOnlyDictionary<string, string>? KmsEncryptionContext { get; init; }
    public JobSettings Settings { get; init; } = new();
    public string? ContentIdentificationType { get; init; }
    public string? Specialty { get; init; }
    public string? Type { get; init; }
    public IReadOnlyList<JobTag>? Tags { get; init; }

    /// <summary>What the request says of its media, for the rules that check the file against it.</summary>
    [JsonIgnore]
    public DeclaredMedia DeclaredMedia => new(MediaFormat, MediaSampleRateHertz, Settings.ChannelIdentification == true);
}

/// <summary>AWS MedicalTranscriptionSetting.</summary>
public sealed record JobSettings
{
    public bool? ShowSpeakerLabels { get; init; }
    public int? MaxSpeakerLabels { get; init; }
    public bool? ChannelIdentification { get; init; }
    public bool? ShowAlternatives { get; init; }
    public int? MaxAlternatives { get; init; }
    public string? VocabularyName { get; init; }

    /// <summary>
    /// The settings as Start and Get echo them: AWS answers ChannelIdentification and ShowAlternatives as false when the
    /// caller left them out (and nothing else), as its responses and the AWS CLI's examples show.
    /// </summary>
    public JobSettings Echoed() => this with { ChannelIdentification = ChannelIdentification ?? false, ShowAlternatives = ShowAlternatives ?? false };
}

