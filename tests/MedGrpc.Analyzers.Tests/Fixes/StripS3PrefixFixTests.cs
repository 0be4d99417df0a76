using MedGrpc.Analyzers.Analyzers;
using MedGrpc.Analyzers.CodeFixes.Fixes;
using MedGrpc.Analyzers.Tests.Utility;

namespace MedGrpc.Analyzers.Tests.Fixes;

public class StripS3PrefixFixTests
{
    [Fact]
    public Task Strips_the_prefix_from_a_literal() => Verify<BucketNameWithS3PrefixAnalyzer, StripS3PrefixFix>.CodeFix("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest { OutputBucketName = [|"s3://transcripts"|] };
        }
        """, """
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest { OutputBucketName = "transcripts" };
        }
        """);

    [Fact]
    public Task Keeps_only_the_bucket_of_a_uri_with_a_key() => Verify<BucketNameWithS3PrefixAnalyzer, StripS3PrefixFix>.CodeFix("""
        using Amazon.TranscribeService.Model;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest { OutputBucketName = [|"s3://transcripts/clinic/"|] };
        }
        """, """
        using Amazon.TranscribeService.Model;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest { OutputBucketName = "transcripts" };
        }
        """);

    [Fact]
    public Task Writes_the_folded_name_of_a_constant_expression() => Verify<BucketNameWithS3PrefixAnalyzer, StripS3PrefixFix>.CodeFix("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            const string Scheme = "s3://";

            object Build() => new StartMedicalTranscriptionJobRequest { OutputBucketName = [|Scheme + "transcripts"|] };
        }
        """, """
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            const string Scheme = "s3://";

            object Build() => new StartMedicalTranscriptionJobRequest { OutputBucketName = "transcripts" };
        }
        """);
}
