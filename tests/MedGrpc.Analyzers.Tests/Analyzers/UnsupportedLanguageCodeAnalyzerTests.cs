using Verify = MedGrpc.Analyzers.Tests.Utility.Verify<MedGrpc.Analyzers.Analyzers.UnsupportedLanguageCodeAnalyzer>;

namespace MedGrpc.Analyzers.Tests.Analyzers;

public class UnsupportedLanguageCodeAnalyzerTests
{
    [Fact]
    public Task Flags_a_language_other_than_en_US() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest
            {
                LanguageCode = {|#0:LanguageCode.DeDe|},
            };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("LanguageCode", "LanguageCode.DeDe"));

    [Fact]
    public Task Accepts_en_US_and_flags_an_explicit_unset_language() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object English() => new StartMedicalTranscriptionJobRequest { LanguageCode = LanguageCode.EnUs };
            object Unset() => new StartMedicalTranscriptionJobRequest { LanguageCode = {|#0:LanguageCode.Unspecified|} };
        }
        """,
        // Issue 15: the service refuses an explicit Unspecified as a missing language; the rule says so where it is written.
        Verify.Diagnostic().WithLocation(0).WithArguments("LanguageCode", "LanguageCode.Unspecified"));

    [Fact]
    public Task Flags_a_language_held_in_a_const_field() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            const LanguageCode German = LanguageCode.DeDe;

            object Build() => new StartMedicalTranscriptionJobRequest { LanguageCode = {|#0:German|} };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("LanguageCode", "LanguageCode.DeDe"));

    [Fact]
    public Task Flags_a_cast_of_an_undefined_number() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest { LanguageCode = {|#0:(LanguageCode)999|} };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("LanguageCode", "(LanguageCode)999"));

    [Fact]
    public Task Flags_a_later_assignment_to_the_request_local() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build()
            {
                var request = new StartMedicalTranscriptionJobRequest { LanguageCode = LanguageCode.EnUs };
                request.LanguageCode = {|#0:LanguageCode.EnGb|};
                return request;
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("LanguageCode", "LanguageCode.EnGb"));

    [Fact]
    public Task Flags_an_AWS_SDK_language_field() => Verify.Analyzer("""
        using Amazon.TranscribeService;
        using Amazon.TranscribeService.Model;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest { LanguageCode = {|#0:LanguageCode.DeDE|} };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("LanguageCode", "LanguageCode.DeDE"));

    [Fact]
    public Task Flags_an_AWS_SDK_language_from_a_concatenation_of_constants() => Verify.Analyzer("""
        using Amazon.TranscribeService;
        using Amazon.TranscribeService.Model;

        class Caller
        {
            const string Region = "GB";

            object Build() => new StartMedicalTranscriptionJobRequest { LanguageCode = {|#0:"en-" + Region|} };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("LanguageCode", "\"en-GB\""));

    [Fact]
    public Task Accepts_the_AWS_SDK_en_US_field_and_string() => Verify.Analyzer("""
        using Amazon.TranscribeService;
        using Amazon.TranscribeService.Model;

        class Caller
        {
            object Field() => new StartMedicalTranscriptionJobRequest { LanguageCode = LanguageCode.EnUS };
            object Text() => new StartMedicalTranscriptionJobRequest { LanguageCode = "en-US" };
            object Found() => new StartMedicalTranscriptionJobRequest { LanguageCode = LanguageCode.FindValue("en-US") };
        }
        """);

    [Fact]
    public Task Ignores_a_language_only_known_at_run_time() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build(LanguageCode language) => new StartMedicalTranscriptionJobRequest { LanguageCode = language };
        }
        """);

    [Fact]
    public Task Flags_an_explicit_unspecified_language_after_the_initializer() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            const LanguageCode NoLanguage = LanguageCode.Unspecified;

            object Build()
            {
                var request = new StartMedicalTranscriptionJobRequest { LanguageCode = {|#0:LanguageCode.Unspecified|} };
                request.LanguageCode = {|#1:NoLanguage|};
                return request;
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("LanguageCode", "LanguageCode.Unspecified"),
        Verify.Diagnostic().WithLocation(1).WithArguments("LanguageCode", "LanguageCode.Unspecified"));
}
