using Google.Protobuf.Reflection;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Service.Api;

/// <summary>
/// Protobuf enum values ↔ AWS wire values, read off the enum descriptors so that no table of
/// 117 language codes is kept by hand: LANGUAGE_CODE_EN_US ↔ "en-US", MEDIA_FORMAT_WAV ↔ "wav",
/// SPECIALTY_PRIMARYCARE ↔ "PRIMARYCARE", MEDIA_ENCODING_OGG_OPUS ↔ "ogg-opus". Zero (UNSPECIFIED) is "not set"; a number the
/// descriptor lacks is passed on as its digits so that validation names it.
/// </summary>
public static class AwsEnumNames
{
    private static readonly EnumDescriptor Languages = Descriptor(nameof(LanguageCode));
    private static readonly EnumDescriptor Formats = Descriptor(nameof(MediaFormat));
    private static readonly EnumDescriptor Encodings = Descriptor(nameof(MediaEncoding));
    private static readonly EnumDescriptor Specialties = Descriptor(nameof(Specialty));
    private static readonly EnumDescriptor JobTypes = Descriptor(nameof(MedicalJobType));
    private static readonly EnumDescriptor Statuses = Descriptor(nameof(TranscriptionJobStatus));
    private static readonly EnumDescriptor ContentTypes = Descriptor(nameof(ContentIdentificationType));
    private static readonly EnumDescriptor VocabularyStates = Descriptor(nameof(VocabularyState));

    public static string? ToAws(LanguageCode value) => ToAws(Languages, (int)value, LanguageStyle);
    public static string? ToAws(MediaFormat value) => ToAws(Formats, (int)value, s => s.ToLowerInvariant());
    public static string? ToAws(MediaEncoding value) => ToAws(Encodings, (int)value, EncodingStyle);
    public static string? ToAws(Specialty value) => ToAws(Specialties, (int)value, s => s);
    public static string? ToAws(MedicalJobType value) => ToAws(JobTypes, (int)value, s => s);
    public static string? ToAws(TranscriptionJobStatus value) => ToAws(Statuses, (int)value, s => s);
    public static string? ToAws(ContentIdentificationType value) => ToAws(ContentTypes, (int)value, s => s);
    public static string? ToAws(VocabularyState value) => ToAws(VocabularyStates, (int)value, s => s);

    public static LanguageCode ToLanguageCode(string? aws) => (LanguageCode)FromAws(Languages, aws, LanguageStyle);
    public static MediaFormat ToMediaFormat(string? aws) => (MediaFormat)FromAws(Formats, aws, s => s.ToLowerInvariant());
    public static MediaEncoding ToMediaEncoding(string? aws) => (MediaEncoding)FromAws(Encodings, aws, EncodingStyle);
    public static Specialty ToSpecialty(string? aws) => (Specialty)FromAws(Specialties, aws, s => s);
    public static MedicalJobType ToJobType(string? aws) => (MedicalJobType)FromAws(JobTypes, aws, s => s);
    public static TranscriptionJobStatus ToStatus(string? aws) => (TranscriptionJobStatus)FromAws(Statuses, aws, s => s);
    public static ContentIdentificationType ToContentIdentificationType(string? aws) => (ContentIdentificationType)FromAws(ContentTypes, aws, s => s);
    public static VocabularyState ToVocabularyState(string? aws) => (VocabularyState)FromAws(VocabularyStates, aws, s => s);

    /// <summary>Any enum of the protos (the AWS endpoint reads them off the descriptors): its AWS value, null for zero.</summary>
    public static string? ToAws(EnumDescriptor descriptor, int number) => ToAws(descriptor, number, StyleOf(descriptor));

    /// <summary>The number of an AWS value of any enum of the protos; false when the enum has no such value.</summary>
    public static bool TryFromAws(EnumDescriptor descriptor, string aws, out int number)
    {
        var style = StyleOf(descriptor);
        var prefix = Prefix(descriptor);
        var value = descriptor.Values.FirstOrDefault(v => v.Number != 0 && style(v.Name[prefix.Length..]) == aws);
        number = value?.Number ?? 0;
        return value is not null;
    }

    /// <summary>The enum's AWS values, in the protos' order.</summary>
    public static IReadOnlyList<string> AwsValues(EnumDescriptor descriptor) =>
        descriptor.Values.Where(v => v.Number != 0).Select(v => ToAws(descriptor, v.Number)!).ToList();

    private static Func<string, string> StyleOf(EnumDescriptor descriptor) => descriptor.Name switch
    {
        nameof(LanguageCode) => LanguageStyle,
        nameof(MediaFormat) => s => s.ToLowerInvariant(),
        nameof(MediaEncoding) => EncodingStyle,
        _ => s => s,
    };

    // OGG_OPUS -> ogg-opus
    private static string EncodingStyle(string suffix) => suffix.ToLowerInvariant().Replace('_', '-');

    // EN_US -> en-US, CKB_IQ -> ckb-IQ
    private static string LanguageStyle(string suffix)
    {
        var parts = suffix.Split('_');
        return string.Join('-', parts.Select((p, i) => i == 0 ? p.ToLowerInvariant() : p));
    }

    private static string? ToAws(EnumDescriptor descriptor, int number, Func<string, string> style)
    {
        if (number == 0) return null;
        var value = descriptor.FindValueByNumber(number);
        return value is null ? number.ToString() : style(value.Name[Prefix(descriptor).Length..]);
    }

    private static int FromAws(EnumDescriptor descriptor, string? aws, Func<string, string> style)
    {
        if (aws is null) return 0;
        var prefix = Prefix(descriptor);
        var value = descriptor.Values.FirstOrDefault(v => v.Number != 0 && style(v.Name[prefix.Length..]) == aws);
        return value?.Number ?? (int.TryParse(aws, out var number) ? number : 0);
    }

    // LanguageCode -> LANGUAGE_CODE_
    private static string Prefix(EnumDescriptor descriptor) =>
        descriptor.Values.Single(v => v.Number == 0).Name[..^"UNSPECIFIED".Length];

    private static EnumDescriptor Descriptor(string name) =>
        EnumsReflection.Descriptor.EnumTypes.Single(e => e.Name == name);
}
