using Verify = MedGrpc.Analyzers.Tests.Utility.Verify<MedGrpc.Analyzers.Analyzers.MaxAlternativesOutOfRangeAnalyzer>;

namespace MedGrpc.Analyzers.Tests.Analyzers;

public class MaxAlternativesOutOfRangeAnalyzerTests
{
    [Fact]
    public Task Flags_a_maximum_above_10() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new MedicalTranscriptionSetting { ShowAlternatives = true, MaxAlternatives = {|#0:11|} };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("Settings.MaxAlternatives", "11"));

    [Fact]
    public Task Accepts_the_bounds_2_and_10() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Fewest() => new MedicalTranscriptionSetting { MaxAlternatives = 2 };
            object Most() => new MedicalTranscriptionSetting { MaxAlternatives = 10 };
        }
        """);

    [Fact]
    public Task Flags_a_maximum_held_in_a_const_field() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            const int One = 1;

            object Build() => new MedicalTranscriptionSetting { MaxAlternatives = {|#0:One|} };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("Settings.MaxAlternatives", "1"));

    [Fact]
    public Task Flags_an_AWS_SDK_maximum_above_10() => Verify.Analyzer("""
        using Amazon.TranscribeService.Model;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest
            {
                Settings = new MedicalTranscriptionSetting { ShowAlternatives = true, MaxAlternatives = {|#0:12|} },
            };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("Settings.MaxAlternatives", "12"));
}
