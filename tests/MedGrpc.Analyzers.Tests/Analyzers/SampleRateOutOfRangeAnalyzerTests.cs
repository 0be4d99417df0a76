using Verify = MedGrpc.Analyzers.Tests.Utility.Verify<MedGrpc.Analyzers.Analyzers.SampleRateOutOfRangeAnalyzer>;

namespace MedGrpc.Analyzers.Tests.Analyzers;

public class SampleRateOutOfRangeAnalyzerTests
{
    [Fact]
    public Task Flags_a_telephone_sample_rate() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest { MediaSampleRateHertz = {|#0:8000|} };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("MediaSampleRateHertz", "8000"));

    [Fact]
    public Task Accepts_the_bounds_16000_and_48000() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Lowest() => new StartMedicalTranscriptionJobRequest { MediaSampleRateHertz = 16000 };
            object Highest() => new StartMedicalTranscriptionJobRequest { MediaSampleRateHertz = 48000 };
        }
        """);

    [Fact]
    public Task Flags_a_rate_folded_from_constants() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            const int Narrowband = 8000;

            object Build() => new StartMedicalTranscriptionJobRequest { MediaSampleRateHertz = {|#0:Narrowband * 2 - 1|} };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("MediaSampleRateHertz", "15999"));

    [Fact]
    public Task Flags_an_AWS_SDK_rate_above_48000() => Verify.Analyzer("""
        using Amazon.TranscribeService.Model;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest { MediaSampleRateHertz = {|#0:96000|} };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("MediaSampleRateHertz", "96000"));

    [Fact]
    public Task Flags_a_stream_settings_rate_below_the_range() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StreamSettings { MediaSampleRateHertz = {|#0:8000|} };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("MediaSampleRateHertz", "8000"));
}
