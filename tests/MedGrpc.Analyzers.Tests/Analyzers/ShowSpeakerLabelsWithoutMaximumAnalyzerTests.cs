using Verify = MedGrpc.Analyzers.Tests.Utility.Verify<MedGrpc.Analyzers.Analyzers.ShowSpeakerLabelsWithoutMaximumAnalyzer>;

namespace MedGrpc.Analyzers.Tests.Analyzers;

public class ShowSpeakerLabelsWithoutMaximumAnalyzerTests
{
    [Fact]
    public Task Flags_speaker_labels_without_a_maximum() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest
            {
                Settings = new MedicalTranscriptionSetting { {|#0:ShowSpeakerLabels = true|} },
            };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("Settings.ShowSpeakerLabels", "Settings.MaxSpeakerLabels"));

    [Fact]
    public Task Accepts_speaker_labels_with_a_maximum() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest
            {
                Settings = new MedicalTranscriptionSetting { ShowSpeakerLabels = true, MaxSpeakerLabels = 4 },
            };
        }
        """);

    [Fact]
    public Task Accepts_a_maximum_given_later_on_the_request_local() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build()
            {
                var request = new StartMedicalTranscriptionJobRequest
                {
                    Settings = new MedicalTranscriptionSetting { ShowSpeakerLabels = true },
                };
                request.Settings.MaxSpeakerLabels = 4;
                return request;
            }
        }
        """);

    [Fact]
    public Task Flags_speaker_labels_turned_on_by_a_const_field() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            const bool Diarize = true;

            object Build() => new MedicalTranscriptionSetting { {|#0:ShowSpeakerLabels = Diarize|} };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("Settings.ShowSpeakerLabels", "Settings.MaxSpeakerLabels"));

    [Fact]
    public Task Flags_AWS_SDK_speaker_labels_without_a_maximum() => Verify.Analyzer("""
        using Amazon.TranscribeService.Model;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest
            {
                Settings = new MedicalTranscriptionSetting { {|#0:ShowSpeakerLabels = true|} },
            };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("Settings.ShowSpeakerLabels", "Settings.MaxSpeakerLabels"));

    [Fact]
    public Task Stays_silent_when_the_settings_are_replaced_by_unknown_ones() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build(MedicalTranscriptionSetting existing)
            {
                var request = new StartMedicalTranscriptionJobRequest
                {
                    Settings = new MedicalTranscriptionSetting { ShowSpeakerLabels = true },
                };
                request.Settings = existing;
                return request;
            }
        }
        """);
}
