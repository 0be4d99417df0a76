using Verify = MedGrpc.Analyzers.Tests.Utility.Verify<MedGrpc.Analyzers.Analyzers.SpeakerLabelsWithChannelIdentificationAnalyzer>;

namespace MedGrpc.Analyzers.Tests.Analyzers;

public class SpeakerLabelsWithChannelIdentificationAnalyzerTests
{
    [Fact]
    public Task Flags_both_in_a_nested_settings_initializer() => Verify.Analyzer("""
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
                },
            };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithLocation(1).WithLocation(2)
            .WithArguments("Settings.ChannelIdentification", "Settings.ShowSpeakerLabels"));

    [Fact]
    public Task Accepts_speaker_labels_with_channel_identification_off() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest
            {
                Settings = new MedicalTranscriptionSetting { ShowSpeakerLabels = true, MaxSpeakerLabels = 2, ChannelIdentification = false },
            };
        }
        """);

    [Fact]
    public Task Flags_channel_identification_set_later_on_the_request_local() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build()
            {
                var request = new StartMedicalTranscriptionJobRequest
                {
                    Settings = new MedicalTranscriptionSetting { {|#1:ShowSpeakerLabels = true|}, {|#2:MaxSpeakerLabels = 2|} },
                };
                {|#0:request.Settings.ChannelIdentification = true|};
                return request;
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithLocation(1).WithLocation(2)
            .WithArguments("Settings.ChannelIdentification", "Settings.ShowSpeakerLabels"));

    [Fact]
    public Task Flags_flags_held_in_const_fields() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            const bool Diarize = true;
            const bool SplitChannels = !false;

            object Build() => new MedicalTranscriptionSetting
            {
                {|#1:ShowSpeakerLabels = Diarize|},
                {|#0:ChannelIdentification = SplitChannels|},
            };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithLocation(1)
            .WithArguments("Settings.ChannelIdentification", "Settings.ShowSpeakerLabels"));

    [Fact]
    public Task Flags_both_on_AWS_SDK_settings() => Verify.Analyzer("""
        using Amazon.TranscribeService.Model;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest
            {
                Settings = new MedicalTranscriptionSetting
                {
                    {|#1:ShowSpeakerLabels = true|},
                    {|#2:MaxSpeakerLabels = 3|},
                    {|#0:ChannelIdentification = true|},
                },
            };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithLocation(1).WithLocation(2)
            .WithArguments("Settings.ChannelIdentification", "Settings.ShowSpeakerLabels"));

    [Fact]
    public Task Stays_silent_when_a_clear_call_may_have_undone_a_flag() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build()
            {
                var request = new StartMedicalTranscriptionJobRequest
                {
                    Settings = new MedicalTranscriptionSetting { ShowSpeakerLabels = true, MaxSpeakerLabels = 2, ChannelIdentification = true },
                };
                request.Settings.ClearChannelIdentification();
                return request;
            }
        }
        """);

    [Fact]
    public Task Flags_both_on_stream_settings() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StreamSettings
            {
                {|#1:ShowSpeakerLabel = true|},
                {|#0:EnableChannelIdentification = true|},
                NumberOfChannels = 2,
            };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("EnableChannelIdentification", "ShowSpeakerLabel"));
}
