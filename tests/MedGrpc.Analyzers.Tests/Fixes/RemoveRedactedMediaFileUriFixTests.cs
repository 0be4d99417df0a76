using MedGrpc.Analyzers.Analyzers;
using MedGrpc.Analyzers.CodeFixes.Fixes;
using MedGrpc.Analyzers.Tests.Utility;

namespace MedGrpc.Analyzers.Tests.Fixes;

public class RemoveRedactedMediaFileUriFixTests
{
    [Fact]
    public Task Removes_the_redacted_uri_from_the_media_initializer() => Verify<RedactedMediaFileUriAnalyzer, RemoveRedactedMediaFileUriFix>.CodeFix("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest
            {
                Media = new Media
                {
                    MediaFileUri = "s3://audio/visit.wav",
                    [|RedactedMediaFileUri = "s3://audio/redacted.wav"|],
                },
            };
        }
        """, """
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest
            {
                Media = new Media
                {
                    MediaFileUri = "s3://audio/visit.wav",
                },
            };
        }
        """);

    [Fact]
    public Task Removes_a_later_AWS_SDK_redacted_uri_statement() => Verify<RedactedMediaFileUriAnalyzer, RemoveRedactedMediaFileUriFix>.CodeFix("""
        using Amazon.TranscribeService.Model;

        class Caller
        {
            object Build()
            {
                var request = new StartMedicalTranscriptionJobRequest { Media = new Media() };
                [|request.Media.RedactedMediaFileUri = "s3://audio/redacted.wav"|];
                return request;
            }
        }
        """, """
        using Amazon.TranscribeService.Model;

        class Caller
        {
            object Build()
            {
                var request = new StartMedicalTranscriptionJobRequest { Media = new Media() };
                return request;
            }
        }
        """);
}
