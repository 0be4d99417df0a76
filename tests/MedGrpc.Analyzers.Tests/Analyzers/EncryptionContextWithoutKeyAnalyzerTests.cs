using Verify = MedGrpc.Analyzers.Tests.Utility.Verify<MedGrpc.Analyzers.Analyzers.EncryptionContextWithoutKeyAnalyzer>;

namespace MedGrpc.Analyzers.Tests.Analyzers;

public class EncryptionContextWithoutKeyAnalyzerTests
{
    [Fact]
    public Task Flags_a_map_initializer_without_a_key() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest
            {
                {|#0:KmsEncryptionContext = { ["purpose"] = "visit" }|},
            };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("KmsEncryptionContext", "OutputEncryptionKmsKeyId"));

    [Fact]
    public Task Accepts_a_context_with_a_key() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest
            {
                OutputEncryptionKmsKeyId = "alias/transcripts",
                KmsEncryptionContext = { ["purpose"] = "visit" },
            };
        }
        """);

    [Fact]
    public Task Accepts_an_empty_map_initializer() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest { KmsEncryptionContext = { } };
        }
        """);

    [Fact]
    public Task Flags_an_entry_added_later_with_a_constant_key() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            const string Purpose = "pur" + "pose";

            object Build()
            {
                var request = new StartMedicalTranscriptionJobRequest();
                {|#0:request.KmsEncryptionContext.Add(Purpose, "visit")|};
                return request;
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("KmsEncryptionContext", "OutputEncryptionKmsKeyId"));

    [Fact]
    public Task Accepts_a_key_set_later_on_the_local() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build()
            {
                var request = new StartMedicalTranscriptionJobRequest { KmsEncryptionContext = { ["purpose"] = "visit" } };
                request.OutputEncryptionKmsKeyId = "alias/transcripts";
                return request;
            }
        }
        """);

    [Fact]
    public Task Flags_an_AWS_SDK_dictionary_without_a_key() => Verify.Analyzer("""
        using System.Collections.Generic;
        using Amazon.TranscribeService.Model;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest
            {
                OutputEncryptionKMSKeyId = null,
                {|#0:KMSEncryptionContext = new Dictionary<string, string> { { "purpose", "visit" } }|},
            };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("KMSEncryptionContext", "OutputEncryptionKMSKeyId"));
}
