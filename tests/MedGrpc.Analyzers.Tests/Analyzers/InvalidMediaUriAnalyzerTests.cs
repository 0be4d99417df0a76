using Verify = MedGrpc.Analyzers.Tests.Utility.Verify<MedGrpc.Analyzers.Analyzers.InvalidMediaUriAnalyzer>;

namespace MedGrpc.Analyzers.Tests.Analyzers;

public class InvalidMediaUriAnalyzerTests
{
    [Fact]
    public Task Flags_a_local_path() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest
            {
                Media = new Media { MediaFileUri = {|#0:"/data/visit.wav"|} },
            };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("Media.MediaFileUri", "/data/visit.wav"));

    [Fact]
    public Task Accepts_s3_http_and_https() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object S3() => new Media { MediaFileUri = "s3://audio/visit.wav" };
            object Http() => new Media { MediaFileUri = "http://files.example/visit.wav" };
            object Https() => new Media { MediaFileUri = "https://files.example/visit.wav" };
        }
        """);

    [Fact]
    public Task Flags_a_scheme_without_a_location() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new Media { MediaFileUri = {|#0:"s3://"|} };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("Media.MediaFileUri", "s3://"));

    [Fact]
    public Task Flags_a_uri_longer_than_2000_characters() => Verify.Analyzer($$"""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new Media { MediaFileUri = [|"s3://audio/{{new string('a', 2000)}}.wav"|] };
        }
        """);

    [Fact]
    public Task Flags_a_uri_concatenated_from_constants() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            const string Share = "file://";

            object Build() => new Media { MediaFileUri = {|#0:Share + "nas/visit.wav"|} };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("Media.MediaFileUri", "file://nas/visit.wav"));

    [Fact]
    public Task Flags_an_AWS_SDK_ftp_uri_set_later() => Verify.Analyzer("""
        using Amazon.TranscribeService.Model;

        class Caller
        {
            object Build()
            {
                var request = new StartMedicalTranscriptionJobRequest { Media = new Media() };
                request.Media.MediaFileUri = {|#0:"ftp://files.example/visit.wav"|};
                return request;
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("Media.MediaFileUri", "ftp://files.example/visit.wav"));
}
