using Verify = MedGrpc.Analyzers.Tests.Utility.Verify<MedGrpc.Analyzers.Analyzers.UnsupportedStreamSpecialtyAnalyzer>;

namespace MedGrpc.Analyzers.Tests.Analyzers;

public class UnsupportedStreamSpecialtyAnalyzerTests
{
    [Fact]
    public Task Accepts_a_specialty_only_streams_accept() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StreamSettings { Specialty = Specialty.Cardiology };
        }
        """);

    [Fact]
    public Task Flags_the_explicit_default_of_a_stream_specialty() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StreamSettings { Specialty = {|#0:Specialty.Unspecified|} };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("Specialty", "Specialty.Unspecified"));

    [Fact]
    public Task Flags_a_cast_of_an_undefined_stream_specialty() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            void Build()
            {
                var settings = new StreamSettings();
                settings.Specialty = {|#0:(Specialty)42|};
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("Specialty", "(Specialty)42"));

    [Fact]
    public Task Leaves_a_job_request_to_MEDGRPC002() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest { Specialty = (Specialty)42 };
        }
        """);
}
