using Verify = MedGrpc.Analyzers.Tests.Utility.Verify<MedGrpc.Analyzers.Analyzers.InvalidBucketNameAnalyzer>;

namespace MedGrpc.Analyzers.Tests.Analyzers;

public class InvalidBucketNameAnalyzerTests
{
    [Fact]
    public Task Flags_upper_case_and_underscores() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest { OutputBucketName = {|#0:"My_Transcripts"|} };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("OutputBucketName", "My_Transcripts"));

    [Fact]
    public Task Accepts_lower_case_letters_digits_dots_and_hyphens() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest { OutputBucketName = "clinic-1.transcripts" };
        }
        """);

    [Fact]
    public Task Leaves_an_s3_prefix_to_its_own_rule() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest { OutputBucketName = "s3://transcripts" };
        }
        """);

    [Fact]
    public Task Flags_a_name_shorter_than_3_characters() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest { OutputBucketName = {|#0:"ab"|} };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("OutputBucketName", "ab"));

    [Fact]
    public Task Flags_a_name_concatenated_from_constants() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            const string Clinic = "Clinic";

            object Build() => new StartMedicalTranscriptionJobRequest { OutputBucketName = {|#0:Clinic + "-out"|} };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("OutputBucketName", "Clinic-out"));

    [Fact]
    public Task Flags_an_AWS_SDK_name_ending_in_a_hyphen() => Verify.Analyzer("""
        using Amazon.TranscribeService.Model;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest { OutputBucketName = {|#0:"transcripts-"|} };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("OutputBucketName", "transcripts-"));

    [Fact]
    public Task Flags_a_stream_recordings_bucket_name() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StreamSettings { OutputBucketName = {|#0:"Clinic Notes"|} };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("OutputBucketName", "Clinic Notes"));
}
