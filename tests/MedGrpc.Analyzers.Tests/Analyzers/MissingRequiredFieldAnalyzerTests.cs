using Verify = MedGrpc.Analyzers.Tests.Utility.Verify<MedGrpc.Analyzers.Analyzers.MissingRequiredFieldAnalyzer>;

namespace MedGrpc.Analyzers.Tests.Analyzers;

public class MissingRequiredFieldAnalyzerTests
{
    [Fact]
    public Task Flags_a_request_without_a_type() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => {|#0:new StartMedicalTranscriptionJobRequest|}
            {
                MedicalTranscriptionJobName = "visit-42",
                LanguageCode = LanguageCode.EnUs,
                Media = new Media { MediaFileUri = "s3://audio/visit.wav" },
                OutputBucketName = "transcripts",
                Specialty = Specialty.Primarycare,
            };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("Type"));

    [Fact]
    public Task Flags_each_field_an_empty_request_misses() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => {|#0:new StartMedicalTranscriptionJobRequest()|};
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("MedicalTranscriptionJobName"),
        Verify.Diagnostic().WithLocation(0).WithArguments("LanguageCode"),
        Verify.Diagnostic().WithLocation(0).WithArguments("Media.MediaFileUri"),
        Verify.Diagnostic().WithLocation(0).WithArguments("OutputBucketName"),
        Verify.Diagnostic().WithLocation(0).WithArguments("Specialty"),
        Verify.Diagnostic().WithLocation(0).WithArguments("Type"));

    [Fact]
    public Task Accepts_a_complete_request() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest
            {
                MedicalTranscriptionJobName = "visit-42",
                LanguageCode = LanguageCode.EnUs,
                Media = new Media { MediaFileUri = "s3://audio/visit.wav" },
                OutputBucketName = "transcripts",
                Specialty = Specialty.Primarycare,
                Type = MedicalJobType.Dictation,
            };
        }
        """);

    [Fact]
    public Task Stays_silent_for_a_request_assigned_after_its_initializer() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build()
            {
                var request = new StartMedicalTranscriptionJobRequest { MedicalTranscriptionJobName = "visit-42" };
                request.Type = MedicalJobType.Dictation;
                return request;
            }
        }
        """);

    [Fact]
    public Task Stays_silent_for_a_copy_of_another_request() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Retry(StartMedicalTranscriptionJobRequest failed) => new StartMedicalTranscriptionJobRequest(failed)
            {
                MedicalTranscriptionJobName = "visit-42-retry",
            };
        }
        """);

    [Fact]
    public Task Takes_media_from_elsewhere_as_having_a_uri() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build(Media media) => new StartMedicalTranscriptionJobRequest
            {
                MedicalTranscriptionJobName = "visit-42",
                LanguageCode = LanguageCode.EnUs,
                Media = media,
                OutputBucketName = "transcripts",
                Specialty = Specialty.Primarycare,
                Type = MedicalJobType.Conversation,
            };
        }
        """);

    [Fact]
    public Task Counts_an_unspecified_const_language_as_missing() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            const LanguageCode NoLanguage = LanguageCode.Unspecified;

            object Build() => {|#0:new StartMedicalTranscriptionJobRequest|}
            {
                MedicalTranscriptionJobName = "visit-42",
                LanguageCode = NoLanguage,
                Media = new Media { MediaFileUri = "s3://audio/visit.wav" },
                OutputBucketName = "transcripts",
                Specialty = Specialty.Primarycare,
                Type = MedicalJobType.Dictation,
            };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("LanguageCode"));

    [Fact]
    public Task Flags_an_AWS_SDK_request_without_a_specialty() => Verify.Analyzer("""
        using Amazon.TranscribeService;
        using Amazon.TranscribeService.Model;

        class Caller
        {
            object Build() => {|#0:new StartMedicalTranscriptionJobRequest|}
            {
                MedicalTranscriptionJobName = "visit-42",
                LanguageCode = LanguageCode.EnUS,
                Media = new Media { MediaFileUri = "s3://audio/visit.wav" },
                OutputBucketName = "transcripts",
                Type = Type.DICTATION,
            };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("Specialty"));

    [Fact]
    public Task Flags_an_explicit_unspecified_type_where_it_is_written_after_the_initializer() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build()
            {
                var request = new StartMedicalTranscriptionJobRequest
                {
                    MedicalTranscriptionJobName = "visit-42",
                    LanguageCode = LanguageCode.EnUs,
                    Media = new Media { MediaFileUri = "s3://audio/visit.wav" },
                    OutputBucketName = "transcripts",
                    Specialty = Specialty.Primarycare,
                    Type = MedicalJobType.Dictation,
                };
                request.Type = {|#0:MedicalJobType.Unspecified|};
                return request;
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("Type"));

    [Fact]
    public Task Flags_an_explicit_unspecified_type_in_the_initializer_where_it_is_written_too() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => {|#0:new StartMedicalTranscriptionJobRequest|}
            {
                MedicalTranscriptionJobName = "visit-42",
                LanguageCode = LanguageCode.EnUs,
                Media = new Media { MediaFileUri = "s3://audio/visit.wav" },
                OutputBucketName = "transcripts",
                Specialty = Specialty.Primarycare,
                Type = {|#1:MedicalJobType.Unspecified|},
            };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("Type"),
        Verify.Diagnostic().WithLocation(1).WithArguments("Type"));
}
