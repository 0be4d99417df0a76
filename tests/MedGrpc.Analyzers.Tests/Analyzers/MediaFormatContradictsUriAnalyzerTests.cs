using Verify = MedGrpc.Analyzers.Tests.Utility.Verify<MedGrpc.Analyzers.Analyzers.MediaFormatContradictsUriAnalyzer>;

namespace MedGrpc.Analyzers.Tests.Analyzers;

public class MediaFormatContradictsUriAnalyzerTests
{
    [Fact]
    public Task Flags_wav_for_an_mp3_file() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest
            {
                {|#0:MediaFormat = MediaFormat.Wav|},
                Media = new Media { MediaFileUri = "s3://audio/visit.mp3" },
            };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("MediaFormat", "MediaFormat.Wav", "mp3"));

    [Fact]
    public Task Accepts_a_matching_format() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest
            {
                MediaFormat = MediaFormat.Flac,
                Media = new Media { MediaFileUri = "s3://audio/visit.FLAC" },
            };
        }
        """);

    [Fact]
    public Task Accepts_m4a_for_an_mp4_file() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest
            {
                MediaFormat = MediaFormat.M4A,
                Media = new Media { MediaFileUri = "s3://audio/visit.mp4" },
            };
        }
        """);

    [Fact]
    public Task Ignores_a_file_without_a_known_extension() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest
            {
                MediaFormat = MediaFormat.Wav,
                Media = new Media { MediaFileUri = "s3://audio/visit-42" },
            };
        }
        """);

    [Fact]
    public Task Flags_a_uri_folded_from_constants_and_set_later() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            const string Folder = "s3://audio/";

            object Build()
            {
                var request = new StartMedicalTranscriptionJobRequest { {|#0:MediaFormat = MediaFormat.Ogg|}, Media = new Media() };
                request.Media.MediaFileUri = Folder + "visit.flac";
                return request;
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("MediaFormat", "MediaFormat.Ogg", "flac"));

    [Fact]
    public Task Flags_an_AWS_SDK_format_against_a_uri_with_a_query() => Verify.Analyzer("""
        using Amazon.TranscribeService;
        using Amazon.TranscribeService.Model;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest
            {
                {|#0:MediaFormat = MediaFormat.Mp3|},
                Media = new Media { MediaFileUri = "https://files.example/visit.wav?version=2" },
            };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("MediaFormat", "MediaFormat.Mp3", "wav"));
}
