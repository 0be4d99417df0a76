using Verify = MedGrpc.Analyzers.Tests.Utility.Verify<MedGrpc.Analyzers.Analyzers.InvalidNameAnalyzer>;

namespace MedGrpc.Analyzers.Tests.Analyzers;

public class InvalidNameAnalyzerTests
{
    [Fact]
    public Task Flags_a_job_name_with_a_space() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest { MedicalTranscriptionJobName = {|#0:"my visit"|} };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("MedicalTranscriptionJobName", "my visit"));

    [Fact]
    public Task Flags_a_vocabulary_name_with_a_slash() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new MedicalTranscriptionSetting { VocabularyName = {|#0:"cardio/terms"|} };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("Settings.VocabularyName", "cardio/terms"));

    [Fact]
    public Task Accepts_letters_digits_dots_underscores_and_hyphens() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest { MedicalTranscriptionJobName = "Visit-2024_01.a" };
        }
        """);

    [Fact]
    public Task Flags_an_empty_name() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest { MedicalTranscriptionJobName = {|#0:""|} };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("MedicalTranscriptionJobName", ""));

    [Fact]
    public Task Flags_a_name_longer_than_200_characters() => Verify.Analyzer($$"""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest { MedicalTranscriptionJobName = [|"{{new string('a', 201)}}"|] };
        }
        """);

    [Fact]
    public Task Flags_a_name_concatenated_from_constants() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            const string Prefix = "visit ";

            object Build() => new StartMedicalTranscriptionJobRequest { MedicalTranscriptionJobName = {|#0:Prefix + "42"|} };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("MedicalTranscriptionJobName", "visit 42"));

    [Fact]
    public Task Flags_an_AWS_SDK_job_name_with_a_colon() => Verify.Analyzer("""
        using Amazon.TranscribeService.Model;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest { MedicalTranscriptionJobName = {|#0:"visit:42"|} };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("MedicalTranscriptionJobName", "visit:42"));

    [Fact]
    public Task Ignores_an_AWS_SDK_name_of_null() => Verify.Analyzer("""
        using Amazon.TranscribeService.Model;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest { MedicalTranscriptionJobName = null };
        }
        """);

    [Fact]
    public Task Flags_a_stream_recordings_job_name() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StreamSettings { OutputBucketName = "notes", MedicalTranscriptionJobName = {|#0:"visit 42"|} };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("MedicalTranscriptionJobName", "visit 42"));
}
