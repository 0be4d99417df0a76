using Verify = MedGrpc.Analyzers.Tests.Utility.Verify<MedGrpc.Analyzers.Analyzers.InvalidSessionIdAnalyzer>;

namespace MedGrpc.Analyzers.Tests.Analyzers;

public class InvalidSessionIdAnalyzerTests
{
    [Fact]
    public Task Accepts_a_UUID() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StreamSettings { SessionId = "0f8fad5b-d9cb-469f-a165-70867728950e" };
        }
        """);

    [Fact]
    public Task Flags_a_session_id_that_is_no_UUID() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StreamSettings { SessionId = {|#0:"visit-42"|} };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("SessionId", "visit-42"));
}
