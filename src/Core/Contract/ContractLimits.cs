namespace MedGrpc.Core.Contract;

/// <summary>
/// The numbers and patterns of docs/contract.md that a request is checked against, in one place. The
/// service's RequestValidator and MediaRules read them here, and the client's analyzer compiles
/// this very file (linked into src/Analyzers, which stays netstandard2.0 with no dependencies): so
/// keep it to constants of the base library. The patterns are anchored at both ends, as the
/// service applies them; tests/MedGrpc.Tests/Validation/AnalyzerAgreementTests.cs feeds the same requests to both.
/// </summary>
internal static class ContractLimits
{
    public const int MinSampleRate = 16000;
    public const int MaxSampleRate = 48000;
    public const int MinSpeakerLabels = 2;
    public const int MaxSpeakerLabels = 30;
    public const int MinAlternatives = 2;
    public const int MaxAlternatives = 10;

    public const int MaxNameLength = 200;
    public const int MaxBucketNameLength = 64;
    public const int MaxOutputKeyLength = 1024;
    public const int MaxUriLength = 2000;
    public const int MaxTagKeyLength = 128;
    public const int MaxTagValueLength = 256;

    /// <summary>AWS's longest stream: four hours of audio.</summary>
    public const int MaxStreamSeconds = 4 * 60 * 60;
    /// <summary>The channels a stream with channel identification carries (AWS: NumberOfChannels 2).</summary>
    public const int StreamChannels = 2;
    public const string SessionIdPattern = "^[a-fA-F0-9]{8}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{12}$";

    public const string NamePattern = "^[0-9a-zA-Z._-]+$";
    public const string UriPattern = "^(s3://|http(s*)://).+$";
    public const string BucketNamePattern = "^[a-z0-9][\\.\\-a-z0-9]{1,61}[a-z0-9]$";
    public const string OutputKeyPattern = "^[a-zA-Z0-9-_.!*'()/]{1,1024}$";

    /// <summary>The one value of each of these enums that Transcribe Medical accepts, as AWS writes it.</summary>
    public const string SupportedLanguageCode = "en-US";
    public const string SupportedSpecialty = "PRIMARYCARE";
    public const string SupportedContentIdentificationType = "PHI";

    /// <summary>
    /// Each operation's specialties, as AWS writes them: a batch job accepts PRIMARYCARE alone, a stream six. The
    /// validator's SpecialtyRules and the analyzer's MEDGRPC002 (jobs) and MEDGRPC022 (streams) read these.
    /// </summary>
    public static readonly string[] BatchSpecialties = { SupportedSpecialty };
    public static readonly string[] StreamingSpecialties = { "PRIMARYCARE", "CARDIOLOGY", "NEUROLOGY", "ONCOLOGY", "RADIOLOGY", "UROLOGY" };
}
