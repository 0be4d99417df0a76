using MedGrpc.Core.Contract;

namespace MedGrpc.Core.Validation;

/// <summary>
/// AWS enum value sets. The sets themselves (LanguageCodes, MediaFormats, Specialties, Types,
/// ContentIdentificationTypes, VocabularyStates, TranscriptionJobStatuses) are generated at build time from
/// protos/medgrpc/transcribe/v1/enums.proto (obj/…/AwsEnums.g.cs; see MedGrpc.Core.csproj), the source the
/// gRPC edge and the CLI read through the descriptor.
/// </summary>
public static partial class AwsEnums
{
    public const string SupportedLanguageCode = ContractLimits.SupportedLanguageCode;
    public const string SupportedSpecialty = ContractLimits.SupportedSpecialty;
    public const string SupportedContentIdentificationType = ContractLimits.SupportedContentIdentificationType;
}
