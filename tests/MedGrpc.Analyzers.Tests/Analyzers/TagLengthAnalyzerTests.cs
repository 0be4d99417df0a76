using Verify = MedGrpc.Analyzers.Tests.Utility.Verify<MedGrpc.Analyzers.Analyzers.TagLengthAnalyzer>;

namespace MedGrpc.Analyzers.Tests.Analyzers;

public class TagLengthAnalyzerTests
{
    [Fact]
    public Task Flags_an_empty_key_in_a_tag_collection_initializer() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest
            {
                Tags = { new Tag { Key = {|#0:""|}, Value = "cardiology" } },
            };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("Tag.Key", "0", "key", "1", "128"));

    [Fact]
    public Task Flags_a_value_longer_than_256_characters() => Verify.Analyzer($$"""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new Tag { Key = "note", Value = {|#0:"{{new string('v', 257)}}"|} };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("Tag.Value", "257", "value", "0", "256"));

    [Fact]
    public Task Flags_a_tag_created_without_a_key() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => {|#0:new Tag|} { Value = "cardiology" };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("Tag.Key", "0", "key", "1", "128"));

    [Fact]
    public Task Accepts_a_key_and_an_empty_value() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest { Tags = { new Tag { Key = "department", Value = "" } } };
        }
        """);

    [Fact]
    public Task Accepts_a_key_set_later_on_the_tag_local() => Verify.Analyzer("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build()
            {
                var tag = new Tag();
                tag.Key = "department";
                return tag;
            }
        }
        """);

    [Fact]
    public Task Flags_a_key_longer_than_128_characters_folded_from_constants() => Verify.Analyzer($$"""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            const string Half = "{{new string('k', 65)}}";

            object Build() => new Tag { Key = {|#0:Half + Half|} };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("Tag.Key", "130", "key", "1", "128"));

    [Fact]
    public Task Flags_an_AWS_SDK_tag_without_a_key() => Verify.Analyzer("""
        using System.Collections.Generic;
        using Amazon.TranscribeService.Model;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest
            {
                Tags = new List<Tag> { {|#0:new Tag|} { Key = null, Value = "cardiology" } },
            };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("Tag.Key", "0", "key", "1", "128"));
}
