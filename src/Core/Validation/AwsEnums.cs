namespace MedGrpc.Core.Validation;

/// <summary>AWS enum value sets from the service model (transcribe-medical-model.json).</summary>
public static class AwsEnums
{
    public const string SupportedLanguageCode = "en-US";
    public const string SupportedSpecialty = "PRIMARYCARE";
    public const string SupportedContentIdentificationType = "PHI";

    public static readonly IReadOnlyList<string> MediaFormats = ["mp3", "mp4", "wav", "flac", "ogg", "amr", "webm", "m4a"];
    public static readonly IReadOnlyList<string> Specialties = ["PRIMARYCARE"];
    public static readonly IReadOnlyList<string> Types = ["CONVERSATION", "DICTATION"];
    public static readonly IReadOnlyList<string> ContentIdentificationTypes = ["PHI"];
    public static readonly IReadOnlyList<string> VocabularyStates = ["PENDING", "READY", "FAILED"];
    public static readonly IReadOnlyList<string> TranscriptionJobStatuses = ["QUEUED", "IN_PROGRESS", "FAILED", "COMPLETED"];

    public static readonly IReadOnlyList<string> LanguageCodes =
    [
        "af-ZA", "ar-AE", "ar-SA", "am-ET", "cy-GB", "da-DK", "de-CH", "de-DE", "en-AB", "en-AU", "en-GB", "en-IE",
        "en-IN", "en-US", "en-WL", "es-ES", "es-MX", "es-US", "fa-AF", "fa-IR", "fr-CA", "fr-FR", "ga-IE", "gd-GB",
        "he-IL", "hi-IN", "ht-HT", "id-ID", "it-IT", "ja-JP", "jv-ID", "km-KH", "ko-KR", "my-MM", "ms-MY", "nl-NL",
        "pt-BR", "pt-PT", "ru-RU", "ta-IN", "te-IN", "tr-TR", "zh-CN", "zh-TW", "th-TH", "en-ZA", "en-NZ", "vi-VN",
        "sv-SE", "ab-GE", "ast-ES", "az-AZ", "ba-RU", "be-BY", "bg-BG", "bn-IN", "bs-BA", "ca-ES", "ckb-IQ", "ckb-IR",
        "cs-CZ", "cy-WL", "el-GR", "et-EE", "et-ET", "eu-ES", "fi-FI", "gl-ES", "gu-IN", "ha-NG", "hr-HR", "hu-HU",
        "hy-AM", "is-IS", "ka-GE", "kab-DZ", "kk-KZ", "kn-IN", "ky-KG", "lg-IN", "lt-LT", "lv-LV", "mhr-RU", "mi-NZ",
        "mk-MK", "ml-IN", "mn-MN", "mr-IN", "mt-MT", "no-NO", "ne-NP", "or-IN", "pa-IN", "pl-PL", "ps-AF", "ro-RO",
        "rw-RW", "si-LK", "sk-SK", "sl-SI", "so-SO", "sq-AL", "sr-RS", "su-ID", "sw-BI", "sw-KE", "sw-RW", "sw-TZ",
        "sw-UG", "tl-PH", "tt-RU", "ug-CN", "uk-UA", "uz-UZ", "wo-SN", "zh-HK", "zu-ZA",
    ];
}
