using MedGrpc.Analyzers.Analyzers;
using MedGrpc.Analyzers.CodeFixes.Fixes;
using MedGrpc.Analyzers.Tests.Utility;

namespace MedGrpc.Analyzers.Tests.Fixes;

public class ClampToRangeFixTests
{
    [Fact]
    public Task Clamps_a_speaker_maximum_down_to_30() => Verify<MaxSpeakerLabelsOutOfRangeAnalyzer, ClampToRangeFix>.CodeFix("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new MedicalTranscriptionSetting { ShowSpeakerLabels = true, MaxSpeakerLabels = [|31|] };
        }
        """, """
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new MedicalTranscriptionSetting { ShowSpeakerLabels = true, MaxSpeakerLabels = 30 };
        }
        """);

    [Fact]
    public Task Clamps_an_alternatives_maximum_from_a_constant_up_to_2() => Verify<MaxAlternativesOutOfRangeAnalyzer, ClampToRangeFix>.CodeFix("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            const int One = 1;

            object Build() => new MedicalTranscriptionSetting { ShowAlternatives = true, MaxAlternatives = [|One|] };
        }
        """, """
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            const int One = 1;

            object Build() => new MedicalTranscriptionSetting { ShowAlternatives = true, MaxAlternatives = 2 };
        }
        """);

    [Fact]
    public Task Clamps_a_sample_rate_up_to_16000() => Verify<SampleRateOutOfRangeAnalyzer, ClampToRangeFix>.CodeFix("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest { MediaSampleRateHertz = [|8000|] };
        }
        """, """
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest { MediaSampleRateHertz = 16000 };
        }
        """);

    [Fact]
    public Task Clamps_an_AWS_SDK_sample_rate_down_to_48000() => Verify<SampleRateOutOfRangeAnalyzer, ClampToRangeFix>.CodeFix("""
        using Amazon.TranscribeService.Model;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest { MediaSampleRateHertz = [|96000|] };
        }
        """, """
        using Amazon.TranscribeService.Model;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest { MediaSampleRateHertz = 48000 };
        }
        """);

    [Fact]
    public Task Clamps_a_streams_number_of_channels_to_2() => Verify<NumberOfChannelsOutOfRangeAnalyzer, ClampToRangeFix>.CodeFix("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StreamSettings { EnableChannelIdentification = true, NumberOfChannels = [|4|] };
        }
        """, """
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StreamSettings { EnableChannelIdentification = true, NumberOfChannels = 2 };
        }
        """);
}
