using MedGrpc.Analyzers.Analyzers;
using MedGrpc.Analyzers.CodeFixes.Fixes;
using MedGrpc.Analyzers.Tests.Utility;

namespace MedGrpc.Analyzers.Tests.Fixes;

public class AddMissingSettingFixTests
{
    [Fact]
    public Task Adds_a_speaker_maximum_of_2_in_the_initializer() => Verify<ShowSpeakerLabelsWithoutMaximumAnalyzer, AddMissingSettingFix>.CodeFix("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest
            {
                Settings = new MedicalTranscriptionSetting
                {
                    [|ShowSpeakerLabels = true|],
                    ShowAlternatives = false,
                },
            };
        }
        """, """
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest
            {
                Settings = new MedicalTranscriptionSetting
                {
                    ShowSpeakerLabels = true,
                    MaxSpeakerLabels = 2,
                    ShowAlternatives = false,
                },
            };
        }
        """);

    [Fact]
    public Task Adds_an_AWS_SDK_alternatives_maximum_on_one_line() => Verify<ShowAlternativesWithoutMaximumAnalyzer, AddMissingSettingFix>.CodeFix("""
        using Amazon.TranscribeService.Model;

        class Caller
        {
            object Build() => new MedicalTranscriptionSetting { [|ShowAlternatives = true|] };
        }
        """, """
        using Amazon.TranscribeService.Model;

        class Caller
        {
            object Build() => new MedicalTranscriptionSetting { ShowAlternatives = true, MaxAlternatives = 2 };
        }
        """);

    [Fact]
    public Task Adds_a_maximum_statement_after_a_later_assignment() => Verify<ShowAlternativesWithoutMaximumAnalyzer, AddMissingSettingFix>.CodeFix("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build()
            {
                var request = new StartMedicalTranscriptionJobRequest { Settings = new MedicalTranscriptionSetting() };
                [|request.Settings.ShowAlternatives = true|];
                return request;
            }
        }
        """, """
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build()
            {
                var request = new StartMedicalTranscriptionJobRequest { Settings = new MedicalTranscriptionSetting() };
                request.Settings.ShowAlternatives = true;
                request.Settings.MaxAlternatives = 2;
                return request;
            }
        }
        """);

    [Fact]
    public Task Turns_speaker_labels_on_for_a_lone_maximum() => Verify<MaxSpeakerLabelsWithoutShowSpeakerLabelsAnalyzer, AddMissingSettingFix>.CodeFix("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new MedicalTranscriptionSetting
            {
                [|MaxSpeakerLabels = 4|]
            };
        }
        """, """
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new MedicalTranscriptionSetting
            {
                MaxSpeakerLabels = 4,
                ShowSpeakerLabels = true
            };
        }
        """);

    [Fact]
    public Task Turns_alternatives_on_for_a_lone_maximum() => Verify<MaxAlternativesWithoutShowAlternativesAnalyzer, AddMissingSettingFix>.CodeFix("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new MedicalTranscriptionSetting { [|MaxAlternatives = 3|], VocabularyName = "cardio" };
        }
        """, """
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new MedicalTranscriptionSetting { MaxAlternatives = 3, ShowAlternatives = true, VocabularyName = "cardio" };
        }
        """);

    [Fact]
    public Task Offers_nothing_when_the_flag_is_written_false() => Verify<MaxAlternativesWithoutShowAlternativesAnalyzer, AddMissingSettingFix>.CodeFix("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new MedicalTranscriptionSetting { ShowAlternatives = false, [|MaxAlternatives = 3|] };
        }
        """, """
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new MedicalTranscriptionSetting { ShowAlternatives = false, [|MaxAlternatives = 3|] };
        }
        """);
}
