using Verify = MedGrpc.Analyzers.Tests.Utility.Verify<MedGrpc.Analyzers.Analyzers.ShowAlternativesWithoutMaximumAnalyzer>;

namespace MedGrpc.Analyzers.Tests.Analyzers;

public class ShowAlternativesWithoutMaximumAnalyzerTests
{
    [Fact]
    public Task Flags_alternatives_without_a_maximum() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest
            {
                Settings = new MedicalTranscriptionSetting { {|#0:ShowAlternatives = true|} },
            };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("Settings.ShowAlternatives", "Settings.MaxAlternatives"));

    [Fact]
    public Task Accepts_alternatives_with_a_maximum() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new MedicalTranscriptionSetting { ShowAlternatives = true, MaxAlternatives = 3 };
        }
        """);

    [Fact]
    public Task Flags_alternatives_turned_on_later_by_a_const_field() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            const bool Alternatives = true;

            object Build()
            {
                var settings = new MedicalTranscriptionSetting();
                {|#0:settings.ShowAlternatives = Alternatives|};
                return settings;
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("Settings.ShowAlternatives", "Settings.MaxAlternatives"));

    [Fact]
    public Task Flags_AWS_SDK_alternatives_without_a_maximum() => Verify.Analyzer("""
        using Amazon.TranscribeService.Model;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest
            {
                Settings = new MedicalTranscriptionSetting { {|#0:ShowAlternatives = true|} },
            };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("Settings.ShowAlternatives", "Settings.MaxAlternatives"));
}
