using Verify = MedGrpc.Analyzers.Tests.Utility.Verify<MedGrpc.Analyzers.Analyzers.UnsupportedSpecialtyAnalyzer>;

namespace MedGrpc.Analyzers.Tests.Analyzers;

public class UnsupportedSpecialtyAnalyzerTests
{
    [Fact]
    public Task Flags_a_cast_of_an_undefined_specialty() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest { Specialty = {|#0:(Specialty)9|} };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("Specialty", "(Specialty)9"));

    [Fact]
    public Task Flags_a_specialty_only_streams_accept_on_a_batch_job() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest { Specialty = {|#0:Specialty.Cardiology|} };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("Specialty", "Specialty.Cardiology"));

    [Fact]
    public Task Accepts_primary_care() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest { Specialty = Specialty.Primarycare };
        }
        """);

    [Fact]
    public Task Flags_an_undefined_specialty_held_in_a_const_field() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            const Specialty Cardiology = (Specialty)7;

            object Build() => new StartMedicalTranscriptionJobRequest { Specialty = {|#0:Cardiology|} };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("Specialty", "(Specialty)7"));

    [Fact]
    public Task Flags_an_AWS_SDK_specialty_string() => Verify.Analyzer("""
        using Amazon.TranscribeService;
        using Amazon.TranscribeService.Model;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest { Specialty = {|#0:"CARDIOLOGY"|} };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("Specialty", "\"CARDIOLOGY\""));

    [Fact]
    public Task Flags_an_AWS_SDK_specialty_from_a_const_concatenation() => Verify.Analyzer("""
        using Amazon.TranscribeService;
        using Amazon.TranscribeService.Model;

        class Caller
        {
            const string Oncology = "ONCO" + "LOGY";

            object Build() => new StartMedicalTranscriptionJobRequest { Specialty = {|#0:new Specialty(Oncology)|} };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("Specialty", "\"ONCOLOGY\""));

    [Fact]
    public Task Accepts_the_AWS_SDK_primary_care_field() => Verify.Analyzer("""
        using Amazon.TranscribeService;
        using Amazon.TranscribeService.Model;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest { Specialty = Specialty.PRIMARYCARE };
        }
        """);

    // The service refuses an explicit Unspecified as a missing specialty: said where it is written.
    [Fact]
    public Task Flags_an_explicit_unspecified_specialty_in_the_initializer() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest { Specialty = {|#0:Specialty.Unspecified|} };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("Specialty", "Specialty.Unspecified"));

    [Fact]
    public Task Flags_an_explicit_unspecified_specialty_assigned_after_the_initializer() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build()
            {
                var request = new StartMedicalTranscriptionJobRequest { Specialty = Specialty.Primarycare };
                request.Specialty = {|#0:Specialty.Unspecified|};
                return request;
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("Specialty", "Specialty.Unspecified"));

    [Fact]
    public Task Leaves_a_specialty_never_written_to_the_missing_field_rule() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest { MedicalTranscriptionJobName = "visit-42" };
        }
        """);

    [Fact]
    public Task Leaves_a_stream_specialty_to_MEDGRPC022() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StreamSettings { Specialty = Specialty.Cardiology };
        }
        """);
}
