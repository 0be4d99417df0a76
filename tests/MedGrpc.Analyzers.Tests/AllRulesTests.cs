using MedGrpc.Analyzers.Tests.Utility;

namespace MedGrpc.Analyzers.Tests;

/// <summary>Valid requests through every rule at once: no rule may misread another rule's member.</summary>
public class AllRulesTests
{
    [Fact]
    public Task A_complete_valid_request_raises_nothing() => new AllRulesTest("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            const string Bucket = "transcripts";

            object Build()
            {
                var request = new StartMedicalTranscriptionJobRequest
                {
                    MedicalTranscriptionJobName = "visit-42",
                    LanguageCode = LanguageCode.EnUs,
                    MediaSampleRateHertz = 44100,
                    MediaFormat = MediaFormat.M4A,
                    Media = new Media { MediaFileUri = "s3://audio/visit-42.mp4" },
                    OutputBucketName = Bucket,
                    OutputKey = "clinic/visit-42.json",
                    OutputEncryptionKmsKeyId = "alias/transcripts",
                    KmsEncryptionContext = { ["purpose"] = "visit" },
                    Settings = new MedicalTranscriptionSetting
                    {
                        ShowSpeakerLabels = true,
                        MaxSpeakerLabels = 2,
                        ShowAlternatives = true,
                        MaxAlternatives = 3,
                        VocabularyName = "cardio-terms",
                    },
                    ContentIdentificationType = ContentIdentificationType.Phi,
                    Specialty = Specialty.Primarycare,
                    Type = MedicalJobType.Conversation,
                    Tags = { new Tag { Key = "department", Value = "" } },
                };
                request.Tags.Add(new Tag { Key = "clinic", Value = "north" });
                return request;
            }
        }
        """).RunAsync();

    [Fact]
    public Task A_complete_valid_AWS_SDK_request_raises_nothing() => new AllRulesTest("""
        using System.Collections.Generic;
        using Amazon.TranscribeService;
        using Amazon.TranscribeService.Model;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest
            {
                MedicalTranscriptionJobName = "visit-42",
                LanguageCode = "en-US",
                MediaSampleRateHertz = 16000,
                MediaFormat = MediaFormat.Wav,
                Media = new Media { MediaFileUri = "https://files.example/visit-42.wav" },
                OutputBucketName = "transcripts",
                KMSEncryptionContext = new Dictionary<string, string>(),
                Settings = new MedicalTranscriptionSetting { ChannelIdentification = true, ShowSpeakerLabels = false },
                ContentIdentificationType = MedicalContentIdentificationType.PHI,
                Specialty = Specialty.PRIMARYCARE,
                Type = Type.DICTATION,
                Tags = new List<Tag> { new Tag { Key = "department", Value = "cardiology" } },
            };
        }
        """).RunAsync();

    [Fact]
    public Task Complete_valid_stream_settings_raise_nothing() => new AllRulesTest("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StreamSettings
            {
                LanguageCode = LanguageCode.EnUs,
                MediaSampleRateHertz = 48000,
                MediaEncoding = MediaEncoding.OggOpus,
                Specialty = Specialty.Oncology,
                Type = MedicalJobType.Conversation,
                VocabularyName = "onco-terms",
                EnableChannelIdentification = true,
                NumberOfChannels = 2,
                ContentIdentificationType = ContentIdentificationType.Phi,
                SessionId = "0f8fad5b-d9cb-469f-a165-70867728950e",
                OutputBucketName = "notes",
                OutputKey = "oncology/",
                MedicalTranscriptionJobName = "visit-42",
            };
        }
        """).RunAsync();
}
