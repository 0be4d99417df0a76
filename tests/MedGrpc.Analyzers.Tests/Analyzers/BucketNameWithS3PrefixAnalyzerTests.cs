using Verify = MedGrpc.Analyzers.Tests.Utility.Verify<MedGrpc.Analyzers.Analyzers.BucketNameWithS3PrefixAnalyzer>;

namespace MedGrpc.Analyzers.Tests.Analyzers;

public class BucketNameWithS3PrefixAnalyzerTests
{
    [Fact]
    public Task Flags_a_bucket_given_as_an_s3_uri() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest { OutputBucketName = {|#0:"s3://transcripts"|} };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("OutputBucketName", "s3://transcripts"));

    [Fact]
    public Task Accepts_a_bare_bucket_name() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest { OutputBucketName = "transcripts" };
        }
        """);

    [Fact]
    public Task Flags_a_prefix_concatenated_from_constants() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            const string Scheme = "s3://";
            const string Bucket = Scheme + "transcripts";

            object Build() => new StartMedicalTranscriptionJobRequest { OutputBucketName = {|#0:Bucket|} };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("OutputBucketName", "s3://transcripts"));

    [Fact]
    public Task Flags_an_AWS_SDK_bucket_given_as_an_s3_uri() => Verify.Analyzer("""
        using Amazon.TranscribeService.Model;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest { OutputBucketName = {|#0:"S3://transcripts/out"|} };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("OutputBucketName", "S3://transcripts/out"));
}
