using Verify = MedGrpc.Analyzers.Tests.Utility.Verify<MedGrpc.Analyzers.Analyzers.MaxSpeakerLabelsOutOfRangeAnalyzer>;

namespace MedGrpc.Analyzers.Tests.Analyzers;

public class MaxSpeakerLabelsOutOfRangeAnalyzerTests
{
    [Fact]
    public Task Flags_a_maximum_above_30() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest
            {
                Settings = new MedicalTranscriptionSetting { ShowSpeakerLabels = true, MaxSpeakerLabels = {|#0:31|} },
            };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("Settings.MaxSpeakerLabels", "31"));

    [Fact]
    public Task Accepts_the_bounds_2_and_30() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Fewest() => new MedicalTranscriptionSetting { MaxSpeakerLabels = 2 };
            object Most() => new MedicalTranscriptionSetting { MaxSpeakerLabels = 30 };
        }
        """);

    [Fact]
    public Task Flags_a_maximum_folded_from_constants() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            const int Room = 20;

            object Build() => new MedicalTranscriptionSetting { MaxSpeakerLabels = {|#0:Room + Room|} };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("Settings.MaxSpeakerLabels", "40"));

    [Fact]
    public Task Flags_a_maximum_assigned_later_through_the_request() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            void Change(StartMedicalTranscriptionJobRequest request)
            {
                request.Settings.MaxSpeakerLabels = {|#0:1|};
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("Settings.MaxSpeakerLabels", "1"));

    [Fact]
    public Task Flags_an_AWS_SDK_maximum_below_2() => Verify.Analyzer("""
        using Amazon.TranscribeService.Model;

        class Caller
        {
            object Build() => new MedicalTranscriptionSetting { ShowSpeakerLabels = true, MaxSpeakerLabels = {|#0:1|} };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("Settings.MaxSpeakerLabels", "1"));
}
