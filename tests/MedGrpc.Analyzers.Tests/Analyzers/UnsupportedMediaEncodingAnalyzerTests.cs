using Verify = MedGrpc.Analyzers.Tests.Utility.Verify<MedGrpc.Analyzers.Analyzers.UnsupportedMediaEncodingAnalyzer>;

namespace MedGrpc.Analyzers.Tests.Analyzers;

public class UnsupportedMediaEncodingAnalyzerTests
{
    [Fact]
    public Task Accepts_every_named_encoding() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object[] Build() =>
            [
                new StreamSettings { MediaEncoding = MediaEncoding.Pcm },
                new StreamSettings { MediaEncoding = MediaEncoding.Flac },
                new StreamSettings { MediaEncoding = MediaEncoding.OggOpus },
            ];
        }
        """);

    [Fact]
    public Task Flags_the_explicit_default() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StreamSettings { MediaEncoding = {|#0:MediaEncoding.Unspecified|} };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("MediaEncoding", "MediaEncoding.Unspecified"));

    [Fact]
    public Task Flags_a_cast_of_an_undefined_number() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StreamSettings { MediaEncoding = {|#0:(MediaEncoding)9|} };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("MediaEncoding", "(MediaEncoding)9"));

    [Fact]
    public Task Stays_silent_on_a_value_it_cannot_see() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build(MediaEncoding encoding) => new StreamSettings { MediaEncoding = encoding };
        }
        """);
}
