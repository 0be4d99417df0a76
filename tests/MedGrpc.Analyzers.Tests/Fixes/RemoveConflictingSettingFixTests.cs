using MedGrpc.Analyzers.Analyzers;
using MedGrpc.Analyzers.CodeFixes.Fixes;
using MedGrpc.Analyzers.Tests.Utility;
using Microsoft.CodeAnalysis.Testing;
using Verify = MedGrpc.Analyzers.Tests.Utility.Verify<MedGrpc.Analyzers.Analyzers.SpeakerLabelsWithChannelIdentificationAnalyzer, MedGrpc.Analyzers.CodeFixes.Fixes.RemoveConflictingSettingFix>;

namespace MedGrpc.Analyzers.Tests.Fixes;

public class RemoveConflictingSettingFixTests
{
    private const string Conflict = """
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest
            {
                Settings = new MedicalTranscriptionSetting
                {
                    {|#1:ShowSpeakerLabels = true|},
                    {|#2:MaxSpeakerLabels = 2|},
                    {|#0:ChannelIdentification = true|},
                    ShowAlternatives = false,
                },
            };
        }
        """;

    private static DiagnosticResult Expected
        => Verify<SpeakerLabelsWithChannelIdentificationAnalyzer>.Diagnostic()
            .WithLocation(0).WithLocation(1).WithLocation(2)
            .WithArguments("Settings.ChannelIdentification", "Settings.ShowSpeakerLabels");

    [Fact]
    public Task Removes_channel_identification() => Verify.CodeFix(Conflict, """
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
        """, RemoveConflictingSettingFix.RemoveChannelIdentification, Expected);

    [Fact]
    public Task Removes_speaker_labels_with_their_maximum() => Verify.CodeFix(Conflict, """
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest
            {
                Settings = new MedicalTranscriptionSetting
                {
                    ChannelIdentification = true,
                    ShowAlternatives = false,
                },
            };
        }
        """, RemoveConflictingSettingFix.RemoveSpeakerLabels, Expected);

    [Fact]
    public Task Removes_a_later_channel_identification_statement() => Verify.CodeFix("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build()
            {
                var settings = new MedicalTranscriptionSetting { {|#1:ShowSpeakerLabels = true|}, {|#2:MaxSpeakerLabels = 2|} };
                {|#0:settings.ChannelIdentification = true|};
                return settings;
            }
        }
        """, """
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build()
            {
                var settings = new MedicalTranscriptionSetting { ShowSpeakerLabels = true, MaxSpeakerLabels = 2 };
                return settings;
            }
        }
        """, RemoveConflictingSettingFix.RemoveChannelIdentification, Expected);
}
