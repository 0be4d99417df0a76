namespace MedGrpc.Analyzers.Contract;

/// <summary>
/// A member of the request contract, whatever it is called in a given flavour
/// (ours says OutputEncryptionKmsKeyId, the AWS SDK OutputEncryptionKMSKeyId). Rules speak only of these.
/// </summary>
public enum ContractMember
{
    MedicalTranscriptionJobName,
    LanguageCode,
    MediaSampleRateHertz,
    MediaFormat,
    Media,
    OutputBucketName,
    OutputKey,
    OutputEncryptionKmsKeyId,
    KmsEncryptionContext,
    Settings,
    ContentIdentificationType,
    Specialty,
    Type,
    Tags,
    MediaFileUri,
    RedactedMediaFileUri,
    ShowSpeakerLabels,
    MaxSpeakerLabels,
    ChannelIdentification,
    ShowAlternatives,
    MaxAlternatives,
    VocabularyName,
    TagKey,
    TagValue,

    // A stream's own (StreamSettings).
    MediaEncoding,
    NumberOfChannels,
    SessionId,
}
