using Verify = MedGrpc.Analyzers.Tests.Utility.Verify<MedGrpc.Analyzers.Analyzers.RedactedMediaFileUriAnalyzer>;

namespace MedGrpc.Analyzers.Tests.Analyzers;

public class RedactedMediaFileUriAnalyzerTests
{
    [Fact]
    public Task Flags_a_redacted_uri_in_the_request_media() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest
            {
                Media = new Media { MediaFileUri = "s3://audio/visit.wav", {|#0:RedactedMediaFileUri = "s3://audio/redacted.wav"|} },
            };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("Media.RedactedMediaFileUri"));

    [Fact]
    public Task Accepts_media_with_only_a_media_uri() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest { Media = new Media { MediaFileUri = "s3://audio/visit.wav" } };
        }
        """);

    [Fact]
    public Task Flags_a_redacted_uri_from_a_const_field_on_standalone_media() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            const string Redacted = "s3://audio/" + "redacted.wav";

            object Build() => new Media { {|#0:RedactedMediaFileUri = Redacted|} };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("Media.RedactedMediaFileUri"));

    [Fact]
    public Task Flags_an_AWS_SDK_redacted_uri_set_later_on_a_medical_request() => Verify.Analyzer("""
        using Amazon.TranscribeService.Model;

        class Caller
        {
            object Build()
            {
                var request = new StartMedicalTranscriptionJobRequest { Media = new Media() };
                {|#0:request.Media.RedactedMediaFileUri = "s3://audio/redacted.wav"|};
                return request;
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("Media.RedactedMediaFileUri"));

    [Fact]
    public Task Accepts_an_AWS_SDK_redacted_uri_of_a_call_analytics_job() => Verify.Analyzer("""
        using Amazon.TranscribeService.Model;

        class Caller
        {
            object Build() => new StartCallAnalyticsJobRequest
            {
                Media = new Media { RedactedMediaFileUri = "s3://audio/redacted.wav" },
            };
        }
        """);

    [Fact]
    public Task Accepts_an_AWS_SDK_redacted_uri_of_null() => Verify.Analyzer("""
        using Amazon.TranscribeService.Model;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest { Media = new Media { RedactedMediaFileUri = null } };
        }
        """);
}
