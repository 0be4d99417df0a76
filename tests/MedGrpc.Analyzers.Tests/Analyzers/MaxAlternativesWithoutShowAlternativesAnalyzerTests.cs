using Verify = MedGrpc.Analyzers.Tests.Utility.Verify<MedGrpc.Analyzers.Analyzers.MaxAlternativesWithoutShowAlternativesAnalyzer>;

namespace MedGrpc.Analyzers.Tests.Analyzers;

public class MaxAlternativesWithoutShowAlternativesAnalyzerTests
{
    [Fact]
    public Task Flags_a_maximum_without_alternatives() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest
            {
                Settings = new MedicalTranscriptionSetting { {|#0:MaxAlternatives = 3|} },
            };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("Settings.MaxAlternatives", "Settings.ShowAlternatives"));

    [Fact]
    public Task Accepts_a_maximum_with_alternatives() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new MedicalTranscriptionSetting { MaxAlternatives = 3, ShowAlternatives = true };
        }
        """);

    [Fact]
    public Task Flags_a_maximum_with_alternatives_turned_off_by_a_const_field() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            const bool Alternatives = false;

            object Build() => new MedicalTranscriptionSetting { ShowAlternatives = Alternatives, {|#0:MaxAlternatives = 3|} };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("Settings.MaxAlternatives", "Settings.ShowAlternatives"));

    [Fact]
    public Task Flags_an_AWS_SDK_maximum_without_alternatives() => Verify.Analyzer("""
        using Amazon.TranscribeService.Model;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest
            {
                Settings = new MedicalTranscriptionSetting { {|#0:MaxAlternatives = 3|} },
            };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("Settings.MaxAlternatives", "Settings.ShowAlternatives"));
}
