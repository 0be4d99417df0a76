using Verify = MedGrpc.Analyzers.Tests.Utility.Verify<MedGrpc.Analyzers.Analyzers.ChannelIdentificationWithoutNumberOfChannelsAnalyzer>;

namespace MedGrpc.Analyzers.Tests.Analyzers;

public class ChannelIdentificationWithoutNumberOfChannelsAnalyzerTests
{
    [Fact]
    public Task Flags_channel_identification_without_a_number_of_channels() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StreamSettings { {|#0:EnableChannelIdentification = true|} };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("EnableChannelIdentification", "NumberOfChannels"));

    [Fact]
    public Task Flags_a_number_of_channels_without_channel_identification() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StreamSettings { {|#0:NumberOfChannels = 2|} };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("NumberOfChannels", "EnableChannelIdentification"));

    [Fact]
    public Task Accepts_both_set_across_the_initializer_and_a_later_statement() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build()
            {
                var settings = new StreamSettings { EnableChannelIdentification = true };
                settings.NumberOfChannels = 2;
                return settings;
            }
        }
        """);

    [Fact]
    public Task Stays_silent_when_channel_identification_is_a_variable() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build(bool stereo) => new StreamSettings { EnableChannelIdentification = stereo, NumberOfChannels = 2 };
        }
        """);
}
