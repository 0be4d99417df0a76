using MedGrpc.Transcribe.V1;

namespace MedGrpc.Cli;

/// <summary>The enums the command line reads and prints, each with its AWS spelling rule (docs/contract.md, "Enum values").</summary>
internal static class AwsEnums
{
    public static readonly AwsEnum<LanguageCode> LanguageCodes = new(LanguageStyle);
    public static readonly AwsEnum<MediaFormat> MediaFormats = new(s => s.ToLowerInvariant());
    public static readonly AwsEnum<Specialty> Specialties = new(s => s);
    public static readonly AwsEnum<MedicalJobType> JobTypes = new(s => s);
    public static readonly AwsEnum<TranscriptionJobStatus> Statuses = new(s => s);
    public static readonly AwsEnum<ContentIdentificationType> ContentIdentificationTypes = new(s => s);
    public static readonly AwsEnum<OutputLocationType> OutputLocationTypes = new(s => s);
    public static readonly AwsEnum<VocabularyState> VocabularyStates = new(s => s);

    // EN_US -> en-US, CKB_IQ -> ckb-IQ
    private static string LanguageStyle(string suffix) =>
        string.Join('-', suffix.Split('_').Select((part, i) => i == 0 ? part.ToLowerInvariant() : part));
}
