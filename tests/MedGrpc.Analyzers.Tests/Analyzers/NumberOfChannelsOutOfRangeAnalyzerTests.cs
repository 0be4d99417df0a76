using Verify = MedGrpc.Analyzers.Tests.Utility.Verify<MedGrpc.Analyzers.Analyzers.NumberOfChannelsOutOfRangeAnalyzer>;

namespace MedGrpc.Analyzers.Tests.Analyzers;

public class NumberOfChannelsOutOfRangeAnalyzerTests
{
    [Fact]
    public Task Accepts_two_channels() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StreamSettings { EnableChannelIdentification = true, NumberOfChannels = 2 };
        }
        """);

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public Task Flags_any_other_number(int channels) => Verify.Analyzer($$"""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StreamSettings { EnableChannelIdentification = true, NumberOfChannels = {|#0:{{channels}}|} };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("NumberOfChannels", channels.ToString()));
}
