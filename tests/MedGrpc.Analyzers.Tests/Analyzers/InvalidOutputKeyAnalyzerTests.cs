using Verify = MedGrpc.Analyzers.Tests.Utility.Verify<MedGrpc.Analyzers.Analyzers.InvalidOutputKeyAnalyzer>;

namespace MedGrpc.Analyzers.Tests.Analyzers;

public class InvalidOutputKeyAnalyzerTests
{
    [Fact]
    public Task Flags_a_key_with_a_space() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest { OutputKey = {|#0:"visit 42.json"|} };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("OutputKey", "visit 42.json"));

    [Fact]
    public Task Accepts_a_folder_and_the_allowed_punctuation() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest { OutputKey = "clinic/2024/visit_(42)!*'-.json" };
        }
        """);

    [Fact]
    public Task Flags_an_empty_key() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest { OutputKey = {|#0:""|} };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("OutputKey", ""));

    [Fact]
    public Task Flags_a_key_concatenated_from_constants() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            const string Folder = "clinic#1/";

            object Build() => new StartMedicalTranscriptionJobRequest { OutputKey = {|#0:Folder + "visit.json"|} };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("OutputKey", "clinic#1/visit.json"));

    [Fact]
    public Task Flags_an_AWS_SDK_key_with_a_backslash() => Verify.Analyzer("""
        using Amazon.TranscribeService.Model;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest { OutputKey = {|#0:@"clinic\visit.json"|} };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("OutputKey", @"clinic\visit.json"));

    [Fact]
    public Task Flags_a_stream_recordings_output_key() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StreamSettings { OutputBucketName = "notes", OutputKey = {|#0:"my note.json"|} };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("OutputKey", "my note.json"));
}
