using Verify = MedGrpc.Analyzers.Tests.Utility.Verify<MedGrpc.Analyzers.Analyzers.MaxSpeakerLabelsWithoutShowSpeakerLabelsAnalyzer>;

namespace MedGrpc.Analyzers.Tests.Analyzers;

public class MaxSpeakerLabelsWithoutShowSpeakerLabelsAnalyzerTests
{
    [Fact]
    public Task Flags_a_maximum_without_speaker_labels() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest
            {
                Settings = new MedicalTranscriptionSetting { {|#0:MaxSpeakerLabels = 4|} },
            };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("Settings.MaxSpeakerLabels", "Settings.ShowSpeakerLabels"));

    [Fact]
    public Task Flags_a_maximum_with_speaker_labels_turned_off() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new MedicalTranscriptionSetting { ShowSpeakerLabels = false, {|#0:MaxSpeakerLabels = 4|} };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("Settings.MaxSpeakerLabels", "Settings.ShowSpeakerLabels"));

    [Fact]
    public Task Accepts_a_maximum_with_speaker_labels() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new MedicalTranscriptionSetting { ShowSpeakerLabels = true, MaxSpeakerLabels = 4 };
        }
        """);

    [Fact]
    public Task Flags_a_maximum_held_in_a_const_field() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            const int Speakers = 1 + 2;

            object Build() => new MedicalTranscriptionSetting { {|#0:MaxSpeakerLabels = Speakers|} };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("Settings.MaxSpeakerLabels", "Settings.ShowSpeakerLabels"));

    [Fact]
    public Task Flags_an_AWS_SDK_maximum_without_speaker_labels() => Verify.Analyzer("""
        using Amazon.TranscribeService.Model;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest
            {
                Settings = new MedicalTranscriptionSetting { {|#0:MaxSpeakerLabels = 4|} },
            };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("Settings.MaxSpeakerLabels", "Settings.ShowSpeakerLabels"));

    [Fact]
    public Task Accepts_an_AWS_SDK_maximum_of_null() => Verify.Analyzer("""
        using Amazon.TranscribeService.Model;

        class Caller
        {
            object Build() => new MedicalTranscriptionSetting { MaxSpeakerLabels = null };
        }
        """);
}
