using Microsoft.CodeAnalysis;

namespace MedGrpc.Analyzers;

/// <summary>
/// Every rule of the analyzer. Error: the service always rejects the request (BadRequest before any job exists).
/// Warning: the request probably fails, but the analyzer cannot be sure from what it sees.
/// </summary>
public static class Descriptors
{
    private const string Request = "MedGrpc.Request";
    private const string Settings = "MedGrpc.Settings";
    private const string Media = "MedGrpc.Media";
    private const string Output = "MedGrpc.Output";
    private const string Tags = "MedGrpc.Tags";
    private const string Stream = "MedGrpc.Stream";

    /// <summary>Each rule has its page under docs/rules/, named by its ID: docs/rules/MEDGRPC001.md and so on.</summary>
    private const string HelpBase = "https://github.com/medgrpc/medgrpc/blob/main/docs/rules/";

    public static readonly DiagnosticDescriptor MEDGRPC001_UnsupportedLanguageCode = new(
        "MEDGRPC001",
        title: "Medical transcription accepts only en-US",
        messageFormat: "'{0}' is {1}, but Transcribe Medical accepts only en-US",
        category: Request,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "LanguageCode lists every Transcribe language, but a medical job with any language other than en-US is rejected with BadRequest.",
        helpLinkUri: HelpBase + "MEDGRPC001.md");

    public static readonly DiagnosticDescriptor MEDGRPC002_UnsupportedSpecialty = new(
        "MEDGRPC002",
        title: "Medical transcription accepts only the PRIMARYCARE specialty",
        messageFormat: "'{0}' is {1}, but Transcribe Medical accepts only PRIMARYCARE",
        category: Request,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "PRIMARYCARE is the only specialty a medical transcription job accepts; any other value is rejected with BadRequest.",
        helpLinkUri: HelpBase + "MEDGRPC002.md");

    public static readonly DiagnosticDescriptor MEDGRPC003_UnsupportedContentIdentificationType = new(
        "MEDGRPC003",
        title: "Content identification accepts only PHI",
        messageFormat: "'{0}' is {1}, but Transcribe Medical accepts only PHI",
        category: Request,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "PHI is the only content identification type of a medical transcription job; any other value is rejected with BadRequest.",
        helpLinkUri: HelpBase + "MEDGRPC003.md");

    public static readonly DiagnosticDescriptor MEDGRPC004_SpeakerLabelsWithChannelIdentification = new(
        "MEDGRPC004",
        title: "Speaker labels and channel identification cannot be combined",
        messageFormat: "'{0}' cannot be combined with '{1}': choose speaker labels or channel identification",
        category: Settings,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A request with both ShowSpeakerLabels and ChannelIdentification true is rejected with BadRequest.",
        helpLinkUri: HelpBase + "MEDGRPC004.md");

    public static readonly DiagnosticDescriptor MEDGRPC005_ShowSpeakerLabelsWithoutMaximum = new(
        "MEDGRPC005",
        title: "ShowSpeakerLabels needs MaxSpeakerLabels",
        messageFormat: "'{0}' is true but '{1}' is not set: speaker labels need a maximum from 2 to 30",
        category: Settings,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "With ShowSpeakerLabels true the request must also give MaxSpeakerLabels (2 to 30), or it is rejected with BadRequest.",
        helpLinkUri: HelpBase + "MEDGRPC005.md");

    public static readonly DiagnosticDescriptor MEDGRPC006_MaxSpeakerLabelsWithoutShowSpeakerLabels = new(
        "MEDGRPC006",
        title: "MaxSpeakerLabels needs ShowSpeakerLabels",
        messageFormat: "'{0}' is set but '{1}' is not true: a maximum of speakers applies only with speaker labels",
        category: Settings,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "MaxSpeakerLabels is accepted only together with ShowSpeakerLabels true; otherwise the request is rejected with BadRequest.",
        helpLinkUri: HelpBase + "MEDGRPC006.md");

    public static readonly DiagnosticDescriptor MEDGRPC007_ShowAlternativesWithoutMaximum = new(
        "MEDGRPC007",
        title: "ShowAlternatives needs MaxAlternatives",
        messageFormat: "'{0}' is true but '{1}' is not set: alternatives need a maximum from 2 to 10",
        category: Settings,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "With ShowAlternatives true the request must also give MaxAlternatives (2 to 10), or it is rejected with BadRequest.",
        helpLinkUri: HelpBase + "MEDGRPC007.md");

    public static readonly DiagnosticDescriptor MEDGRPC008_MaxAlternativesWithoutShowAlternatives = new(
        "MEDGRPC008",
        title: "MaxAlternatives needs ShowAlternatives",
        messageFormat: "'{0}' is set but '{1}' is not true: a maximum of alternatives applies only with alternatives",
        category: Settings,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "MaxAlternatives is accepted only together with ShowAlternatives true; otherwise the request is rejected with BadRequest.",
        helpLinkUri: HelpBase + "MEDGRPC008.md");

    public static readonly DiagnosticDescriptor MEDGRPC009_MaxSpeakerLabelsOutOfRange = new(
        "MEDGRPC009",
        title: "MaxSpeakerLabels must be from 2 to 30",
        messageFormat: "'{0}' is {1}, outside the allowed range 2 to 30",
        category: Settings,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "MaxSpeakerLabels outside 2 to 30 is rejected with BadRequest.",
        helpLinkUri: HelpBase + "MEDGRPC009.md");

    public static readonly DiagnosticDescriptor MEDGRPC010_MaxAlternativesOutOfRange = new(
        "MEDGRPC010",
        title: "MaxAlternatives must be from 2 to 10",
        messageFormat: "'{0}' is {1}, outside the allowed range 2 to 10",
        category: Settings,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "MaxAlternatives outside 2 to 10 is rejected with BadRequest.",
        helpLinkUri: HelpBase + "MEDGRPC010.md");

    public static readonly DiagnosticDescriptor MEDGRPC011_InvalidName = new(
        "MEDGRPC011",
        title: "Job and vocabulary names are 1 to 200 characters of [0-9a-zA-Z._-]",
        messageFormat: "'{0}' is \"{1}\": a name must be 1 to 200 characters of letters, digits, '.', '_' and '-'",
        category: Request,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "MedicalTranscriptionJobName and Settings.VocabularyName must match ^[0-9a-zA-Z._-]+$ and be 1 to 200 characters long; spaces and slashes are rejected with BadRequest.",
        helpLinkUri: HelpBase + "MEDGRPC011.md");

    public static readonly DiagnosticDescriptor MEDGRPC012_BucketNameWithS3Prefix = new(
        "MEDGRPC012",
        title: "OutputBucketName is a bare bucket name, not an s3:// URI",
        messageFormat: "'{0}' is \"{1}\": give the bare bucket name without the s3:// prefix",
        category: Output,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "OutputBucketName takes the bucket's name only (DOC-EXAMPLE-BUCKET, not s3://DOC-EXAMPLE-BUCKET); the prefix breaks the bucket pattern and is rejected with BadRequest.",
        helpLinkUri: HelpBase + "MEDGRPC012.md");

    public static readonly DiagnosticDescriptor MEDGRPC013_InvalidBucketName = new(
        "MEDGRPC013",
        title: "OutputBucketName breaks the bucket name pattern",
        messageFormat: "'{0}' is \"{1}\": a bucket name is 3 to 63 lower-case letters, digits, '.' and '-', starting and ending with a letter or digit",
        category: Output,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "OutputBucketName must match [a-z0-9][\\.\\-a-z0-9]{1,61}[a-z0-9] (at most 64 characters); anything else is rejected with BadRequest.",
        helpLinkUri: HelpBase + "MEDGRPC013.md");

    public static readonly DiagnosticDescriptor MEDGRPC014_InvalidOutputKey = new(
        "MEDGRPC014",
        title: "OutputKey breaks the object key pattern",
        messageFormat: "'{0}' is \"{1}\": an output key is 1 to 1024 characters of letters, digits and -_.!*'()/",
        category: Output,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "OutputKey must match [a-zA-Z0-9-_.!*'()/]{1,1024}; spaces and other characters are rejected with BadRequest.",
        helpLinkUri: HelpBase + "MEDGRPC014.md");

    public static readonly DiagnosticDescriptor MEDGRPC015_SampleRateOutOfRange = new(
        "MEDGRPC015",
        title: "MediaSampleRateHertz must be from 16000 to 48000",
        messageFormat: "'{0}' is {1}, outside the allowed range 16000 to 48000 Hz",
        category: Media,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "MediaSampleRateHertz outside 16,000 to 48,000 Hz is rejected with BadRequest.",
        helpLinkUri: HelpBase + "MEDGRPC015.md");

    public static readonly DiagnosticDescriptor MEDGRPC016_MediaFormatContradictsUri = new(
        "MEDGRPC016",
        title: "MediaFormat contradicts the media file's extension",
        messageFormat: "'{0}' is {1} but the media URI ends in '.{2}': a job whose declared format does not match the file fails",
        category: Media,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The service compares MediaFormat with the detected format and fails the job with 'The media format provided does not match the detected media format'. A warning only: a file's extension need not tell its format (mp4 and m4a count as one).",
        helpLinkUri: HelpBase + "MEDGRPC016.md");

    public static readonly DiagnosticDescriptor MEDGRPC017_RedactedMediaFileUri = new(
        "MEDGRPC017",
        title: "RedactedMediaFileUri is not supported for medical jobs",
        messageFormat: "'{0}' is set, but redacted media applies to Call Analytics jobs only and a medical job rejects it",
        category: Media,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Media.RedactedMediaFileUri exists for Call Analytics; a medical transcription request that sets it is rejected with BadRequest.",
        helpLinkUri: HelpBase + "MEDGRPC017.md");

    public static readonly DiagnosticDescriptor MEDGRPC018_InvalidMediaUri = new(
        "MEDGRPC018",
        title: "Media URI must be s3:// or http(s)://",
        messageFormat: "'{0}' is \"{1}\": a media URI must start with s3://, http:// or https:// and be 1 to 2000 characters",
        category: Media,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Media.MediaFileUri must match (s3://|http(s*)://).+ and be at most 2000 characters; a local path or another scheme is rejected with BadRequest.",
        helpLinkUri: HelpBase + "MEDGRPC018.md");

    public static readonly DiagnosticDescriptor MEDGRPC019_EncryptionContextWithoutKey = new(
        "MEDGRPC019",
        title: "A KMS encryption context needs OutputEncryptionKmsKeyId",
        messageFormat: "'{0}' has entries but '{1}' is not set: an encryption context applies only with a KMS key",
        category: Output,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "KMSEncryptionContext is only used with a customer KMS key; a request with a context and no OutputEncryptionKMSKeyId is rejected with BadRequest.",
        helpLinkUri: HelpBase + "MEDGRPC019.md");

    public static readonly DiagnosticDescriptor MEDGRPC020_TagLength = new(
        "MEDGRPC020",
        title: "Tag keys are 1 to 128 characters, values at most 256",
        messageFormat: "'{0}' has {1} characters, but a tag {2} must have {3} to {4}",
        category: Tags,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A tag key must be 1 to 128 characters and a value 0 to 256 characters; a tag without a key, or a longer key or value, is rejected with BadRequest.",
        helpLinkUri: HelpBase + "MEDGRPC020.md");

    public static readonly DiagnosticDescriptor MEDGRPC021_MissingRequiredField = new(
        "MEDGRPC021",
        title: "A required request field is missing",
        messageFormat: "The request does not set '{0}', which StartMedicalTranscriptionJob requires",
        category: Request,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "MedicalTranscriptionJobName, LanguageCode, Media.MediaFileUri, OutputBucketName, Specialty and Type are required. Reported only for a request built in one initializer and never assigned afterwards in the method; a warning because a method it is passed to may still fill it in.",
        helpLinkUri: HelpBase + "MEDGRPC021.md");

    public static readonly DiagnosticDescriptor MEDGRPC022_UnsupportedStreamSpecialty = new(
        "MEDGRPC022",
        title: "A stream's Specialty is one of the six AWS streams accept",
        messageFormat: "'{0}' is {1}, but a stream accepts only PRIMARYCARE, CARDIOLOGY, NEUROLOGY, ONCOLOGY, RADIOLOGY or UROLOGY",
        category: Stream,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "StreamTranscription (AWS's StartMedicalStreamTranscription) requires a Specialty of its six; Specialty.Unspecified (not set) or a number that names no specialty is refused with BadRequest before any audio. A job's Specialty is MEDGRPC002's.",
        helpLinkUri: HelpBase + "MEDGRPC022.md");

    public static readonly DiagnosticDescriptor MEDGRPC023_UnsupportedMediaEncoding = new(
        "MEDGRPC023",
        title: "A stream's MediaEncoding is pcm, flac or ogg-opus",
        messageFormat: "'{0}' is {1}, but a stream needs pcm, flac or ogg-opus",
        category: Stream,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "MediaEncoding is required in a stream's settings; MediaEncoding.Unspecified (not set) or a number that names no encoding is refused with BadRequest before any audio.",
        helpLinkUri: HelpBase + "MEDGRPC023.md");

    public static readonly DiagnosticDescriptor MEDGRPC024_NumberOfChannelsOutOfRange = new(
        "MEDGRPC024",
        title: "A stream's NumberOfChannels is 2",
        messageFormat: "'{0}' is {1}, but a stream with channel identification carries exactly 2 channels",
        category: Stream,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "NumberOfChannels, given with EnableChannelIdentification, must be 2 (AWS's streams); any other number is refused with BadRequest before any audio.",
        helpLinkUri: HelpBase + "MEDGRPC024.md");

    public static readonly DiagnosticDescriptor MEDGRPC025_ChannelIdentificationWithoutNumberOfChannels = new(
        "MEDGRPC025",
        title: "EnableChannelIdentification and NumberOfChannels go together",
        messageFormat: "'{0}' is set but '{1}' is not: a stream gives both EnableChannelIdentification true and NumberOfChannels 2, or neither",
        category: Stream,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A stream's settings with EnableChannelIdentification true and no NumberOfChannels, or NumberOfChannels without EnableChannelIdentification true, are refused with BadRequest before any audio.",
        helpLinkUri: HelpBase + "MEDGRPC025.md");

    public static readonly DiagnosticDescriptor MEDGRPC026_InvalidSessionId = new(
        "MEDGRPC026",
        title: "A stream's SessionId is a UUID",
        messageFormat: "'{0}' is \"{1}\": a session id is a UUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx, hexadecimal)",
        category: Stream,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "SessionId, when given, must be a UUID of 36 characters matching [a-fA-F0-9]{8}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{12}; anything else is refused with BadRequest before any audio.",
        helpLinkUri: HelpBase + "MEDGRPC026.md");
}
