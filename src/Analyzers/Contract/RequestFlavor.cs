using System.Collections.Generic;
using System.Collections.Immutable;

namespace MedGrpc.Analyzers.Contract;

/// <summary>
/// One C# rendering of the StartMedicalTranscriptionJob contract (or of a stream's settings): its type names and what
/// each contract member is called there. Every rule is written against <see cref="ContractMember"/>, so a new flavour
/// is one more row.
/// </summary>
public sealed class RequestFlavor
{
    private RequestFlavor(
        string name,
        bool mediaIsShared,
        ImmutableDictionary<ContractShape, string> typeNames,
        ImmutableArray<MemberRow> members,
        ContractShape rootShape = ContractShape.Request)
    {
        Name = name;
        MediaIsShared = mediaIsShared;
        TypeNames = typeNames;
        Members = members;
        RootShape = rootShape;
    }

    /// <summary>The message a caller builds and sends: a job request, or a stream's settings.</summary>
    public ContractShape RootShape { get; }

    /// <summary>StreamTranscription's settings rather than a job request: the rules whose subsets differ by operation ask.</summary>
    public bool IsStream => RootShape == ContractShape.StreamSettings;

    /// <summary>Which rendering this is, for whoever debugs the table.</summary>
    public string Name { get; }

    /// <summary>True where the Media type also serves non-medical jobs, whose rules differ (AWS: Call Analytics redaction).</summary>
    public bool MediaIsShared { get; }

    /// <summary>Metadata names, for <c>Compilation.GetTypeByMetadataName</c>.</summary>
    public ImmutableDictionary<ContractShape, string> TypeNames { get; }

    public ImmutableArray<MemberRow> Members { get; }

    /// <summary>The row of a member, for naming a member that the code does not mention (a missing one). A job flavour maps every job member; the stream flavour only its own.</summary>
    public MemberRow Row(ContractMember member)
    {
        foreach (var row in Members)
        {
            if (row.Member == member)
                return row;
        }

        throw new System.ArgumentOutOfRangeException(nameof(member), member, "Every job flavour maps every job member.");
    }

    /// <summary>The generated protobuf messages of this repository.</summary>
    public static RequestFlavor MedGrpc { get; } = Create(
        "MedGrpc",
        mediaIsShared: false,
        typeNamespace: "MedGrpc.Transcribe.V1",
        kmsKeyId: "OutputEncryptionKmsKeyId",
        kmsContext: "KmsEncryptionContext");

    /// <summary>AWSSDK.TranscribeService; matched by name only, so the analyzer never references the SDK.</summary>
    public static RequestFlavor AwsSdk { get; } = Create(
        "AWS SDK",
        mediaIsShared: true,
        typeNamespace: "Amazon.TranscribeService.Model",
        kmsKeyId: "OutputEncryptionKMSKeyId",
        kmsContext: "KMSEncryptionContext");

    /// <summary>
    /// StreamTranscription's first message (MedGrpc's StreamSettings): the members it shares with a job request keep
    /// their rules (LanguageCode, MediaSampleRateHertz, ContentIdentificationType, names, the output members); its
    /// ShowSpeakerLabel and EnableChannelIdentification are the job's speaker-label and channel members.
    /// </summary>
    public static RequestFlavor MedGrpcStream { get; } = new(
        "MedGrpc stream",
        mediaIsShared: false,
        new Dictionary<ContractShape, string> { [ContractShape.StreamSettings] = "MedGrpc.Transcribe.V1.StreamSettings" }.ToImmutableDictionary(),
        ImmutableArray.Create(
            new MemberRow(ContractShape.StreamSettings, "LanguageCode", ContractMember.LanguageCode),
            new MemberRow(ContractShape.StreamSettings, "MediaSampleRateHertz", ContractMember.MediaSampleRateHertz),
            new MemberRow(ContractShape.StreamSettings, "MediaEncoding", ContractMember.MediaEncoding),
            new MemberRow(ContractShape.StreamSettings, "Specialty", ContractMember.Specialty),
            new MemberRow(ContractShape.StreamSettings, "Type", ContractMember.Type),
            new MemberRow(ContractShape.StreamSettings, "VocabularyName", ContractMember.VocabularyName),
            new MemberRow(ContractShape.StreamSettings, "ShowSpeakerLabel", ContractMember.ShowSpeakerLabels),
            new MemberRow(ContractShape.StreamSettings, "EnableChannelIdentification", ContractMember.ChannelIdentification),
            new MemberRow(ContractShape.StreamSettings, "NumberOfChannels", ContractMember.NumberOfChannels),
            new MemberRow(ContractShape.StreamSettings, "ContentIdentificationType", ContractMember.ContentIdentificationType),
            new MemberRow(ContractShape.StreamSettings, "SessionId", ContractMember.SessionId),
            new MemberRow(ContractShape.StreamSettings, "OutputBucketName", ContractMember.OutputBucketName),
            new MemberRow(ContractShape.StreamSettings, "OutputKey", ContractMember.OutputKey),
            new MemberRow(ContractShape.StreamSettings, "MedicalTranscriptionJobName", ContractMember.MedicalTranscriptionJobName)),
        ContractShape.StreamSettings);

    public static ImmutableArray<RequestFlavor> All { get; } = ImmutableArray.Create(MedGrpc, AwsSdk, MedGrpcStream);

    private static RequestFlavor Create(
        string name, bool mediaIsShared, string typeNamespace, string kmsKeyId, string kmsContext)
    {
        var typeNames = new Dictionary<ContractShape, string>
        {
            [ContractShape.Request] = typeNamespace + ".StartMedicalTranscriptionJobRequest",
            [ContractShape.Media] = typeNamespace + ".Media",
            [ContractShape.Settings] = typeNamespace + ".MedicalTranscriptionSetting",
            [ContractShape.Tag] = typeNamespace + ".Tag",
        }.ToImmutableDictionary();

        // Both flavours keep AWS's member names except for the capitalisation of KMS.
        var members = ImmutableArray.Create(
            new MemberRow(ContractShape.Request, "MedicalTranscriptionJobName", ContractMember.MedicalTranscriptionJobName),
            new MemberRow(ContractShape.Request, "LanguageCode", ContractMember.LanguageCode),
            new MemberRow(ContractShape.Request, "MediaSampleRateHertz", ContractMember.MediaSampleRateHertz),
            new MemberRow(ContractShape.Request, "MediaFormat", ContractMember.MediaFormat),
            new MemberRow(ContractShape.Request, "Media", ContractMember.Media),
            new MemberRow(ContractShape.Request, "OutputBucketName", ContractMember.OutputBucketName),
            new MemberRow(ContractShape.Request, "OutputKey", ContractMember.OutputKey),
            new MemberRow(ContractShape.Request, kmsKeyId, ContractMember.OutputEncryptionKmsKeyId),
            new MemberRow(ContractShape.Request, kmsContext, ContractMember.KmsEncryptionContext),
            new MemberRow(ContractShape.Request, "Settings", ContractMember.Settings),
            new MemberRow(ContractShape.Request, "ContentIdentificationType", ContractMember.ContentIdentificationType),
            new MemberRow(ContractShape.Request, "Specialty", ContractMember.Specialty),
            new MemberRow(ContractShape.Request, "Type", ContractMember.Type),
            new MemberRow(ContractShape.Request, "Tags", ContractMember.Tags),
            new MemberRow(ContractShape.Media, "MediaFileUri", ContractMember.MediaFileUri),
            new MemberRow(ContractShape.Media, "RedactedMediaFileUri", ContractMember.RedactedMediaFileUri),
            new MemberRow(ContractShape.Settings, "ShowSpeakerLabels", ContractMember.ShowSpeakerLabels),
            new MemberRow(ContractShape.Settings, "MaxSpeakerLabels", ContractMember.MaxSpeakerLabels),
            new MemberRow(ContractShape.Settings, "ChannelIdentification", ContractMember.ChannelIdentification),
            new MemberRow(ContractShape.Settings, "ShowAlternatives", ContractMember.ShowAlternatives),
            new MemberRow(ContractShape.Settings, "MaxAlternatives", ContractMember.MaxAlternatives),
            new MemberRow(ContractShape.Settings, "VocabularyName", ContractMember.VocabularyName),
            new MemberRow(ContractShape.Tag, "Key", ContractMember.TagKey),
            new MemberRow(ContractShape.Tag, "Value", ContractMember.TagValue));

        return new RequestFlavor(name, mediaIsShared, typeNames, members);
    }
}
