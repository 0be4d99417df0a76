namespace MedGrpc.Analyzers.Tests.Utility;

/// <summary>
/// The AWS SDK's TranscribeService types that the analyzer matches by name, as source: the same names, ConstantClass
/// shape (static readonly fields, FindValue, implicit conversion from string) and nullable settings as AWSSDK.TranscribeService,
/// without depending on the SDK.
/// </summary>
internal static class AwsSdkStub
{
    public const string FileName = "AwsSdkStub.cs";

    public const string Source = """
        using System.Collections.Generic;

        namespace Amazon.Runtime
        {
            public class ConstantClass
            {
                protected ConstantClass(string value) { Value = value; }
                public string Value { get; }
                public override string ToString() => Value;
            }
        }

        namespace Amazon.TranscribeService
        {
            using Amazon.Runtime;

            public class LanguageCode : ConstantClass
            {
                public static readonly LanguageCode DeDE = new LanguageCode("de-DE");
                public static readonly LanguageCode EnGB = new LanguageCode("en-GB");
                public static readonly LanguageCode EnUS = new LanguageCode("en-US");
                public LanguageCode(string value) : base(value) { }
                public static LanguageCode FindValue(string value) => new LanguageCode(value);
                public static implicit operator LanguageCode(string value) => FindValue(value);
            }

            public class MediaFormat : ConstantClass
            {
                public static readonly MediaFormat Amr = new MediaFormat("amr");
                public static readonly MediaFormat Flac = new MediaFormat("flac");
                public static readonly MediaFormat M4a = new MediaFormat("m4a");
                public static readonly MediaFormat Mp3 = new MediaFormat("mp3");
                public static readonly MediaFormat Mp4 = new MediaFormat("mp4");
                public static readonly MediaFormat Ogg = new MediaFormat("ogg");
                public static readonly MediaFormat Wav = new MediaFormat("wav");
                public static readonly MediaFormat Webm = new MediaFormat("webm");
                public MediaFormat(string value) : base(value) { }
                public static MediaFormat FindValue(string value) => new MediaFormat(value);
                public static implicit operator MediaFormat(string value) => FindValue(value);
            }

            public class Specialty : ConstantClass
            {
                public static readonly Specialty PRIMARYCARE = new Specialty("PRIMARYCARE");
                public Specialty(string value) : base(value) { }
                public static Specialty FindValue(string value) => new Specialty(value);
                public static implicit operator Specialty(string value) => FindValue(value);
            }

            public class Type : ConstantClass
            {
                public static readonly Type CONVERSATION = new Type("CONVERSATION");
                public static readonly Type DICTATION = new Type("DICTATION");
                public Type(string value) : base(value) { }
                public static Type FindValue(string value) => new Type(value);
                public static implicit operator Type(string value) => FindValue(value);
            }

            public class MedicalContentIdentificationType : ConstantClass
            {
                public static readonly MedicalContentIdentificationType PHI = new MedicalContentIdentificationType("PHI");
                public MedicalContentIdentificationType(string value) : base(value) { }
                public static MedicalContentIdentificationType FindValue(string value) => new MedicalContentIdentificationType(value);
                public static implicit operator MedicalContentIdentificationType(string value) => FindValue(value);
            }
        }

        namespace Amazon.TranscribeService.Model
        {
            using Amazon.TranscribeService;

            public class Media
            {
                public string MediaFileUri { get; set; }
                public string RedactedMediaFileUri { get; set; }
            }

            public class MedicalTranscriptionSetting
            {
                public bool? ChannelIdentification { get; set; }
                public int? MaxAlternatives { get; set; }
                public int? MaxSpeakerLabels { get; set; }
                public bool? ShowAlternatives { get; set; }
                public bool? ShowSpeakerLabels { get; set; }
                public string VocabularyName { get; set; }
            }

            public class Tag
            {
                public string Key { get; set; }
                public string Value { get; set; }
            }

            public class StartMedicalTranscriptionJobRequest
            {
                public MedicalContentIdentificationType ContentIdentificationType { get; set; }
                public Dictionary<string, string> KMSEncryptionContext { get; set; } = new Dictionary<string, string>();
                public LanguageCode LanguageCode { get; set; }
                public Media Media { get; set; }
                public MediaFormat MediaFormat { get; set; }
                public int? MediaSampleRateHertz { get; set; }
                public string MedicalTranscriptionJobName { get; set; }
                public string OutputBucketName { get; set; }
                public string OutputEncryptionKMSKeyId { get; set; }
                public string OutputKey { get; set; }
                public MedicalTranscriptionSetting Settings { get; set; }
                public Specialty Specialty { get; set; }
                public List<Tag> Tags { get; set; } = new List<Tag>();
                public Type Type { get; set; }
            }

            // Shares Media with the medical request, where RedactedMediaFileUri is valid.
            public class StartCallAnalyticsJobRequest
            {
                public Media Media { get; set; }
            }
        }
        """;
}
