using Verify = MedGrpc.Analyzers.Tests.Utility.Verify<MedGrpc.Analyzers.Analyzers.UnsupportedContentIdentificationTypeAnalyzer>;

namespace MedGrpc.Analyzers.Tests.Analyzers;

public class UnsupportedContentIdentificationTypeAnalyzerTests
{
    [Fact]
    public Task Flags_a_cast_of_an_undefined_type() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest
            {
                ContentIdentificationType = {|#0:(ContentIdentificationType)5|},
            };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("ContentIdentificationType", "(ContentIdentificationType)5"));

    [Fact]
    public Task Accepts_PHI() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest { ContentIdentificationType = ContentIdentificationType.Phi };
        }
        """);

    [Fact]
    public Task Flags_an_undefined_type_held_in_a_const_field() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            const ContentIdentificationType Pii = (ContentIdentificationType)(1 + 1);

            object Build() => new StartMedicalTranscriptionJobRequest { ContentIdentificationType = {|#0:Pii|} };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("ContentIdentificationType", "(ContentIdentificationType)2"));

    [Fact]
    public Task Flags_an_AWS_SDK_type_string() => Verify.Analyzer("""
        using Amazon.TranscribeService;
        using Amazon.TranscribeService.Model;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest { ContentIdentificationType = {|#0:"PII"|} };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("ContentIdentificationType", "\"PII\""));

    [Fact]
    public Task Accepts_the_AWS_SDK_PHI_field() => Verify.Analyzer("""
        using Amazon.TranscribeService;
        using Amazon.TranscribeService.Model;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest
            {
                ContentIdentificationType = MedicalContentIdentificationType.PHI,
            };
        }
        """);
}
