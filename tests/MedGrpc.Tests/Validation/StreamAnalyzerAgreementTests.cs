using MedGrpc.Core.Errors;
using MedGrpc.Core.Validation;
using MedGrpc.Service.Api;
using MedGrpc.Transcribe.V1;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MedGrpc.Tests.Validation;

/// <summary>
/// <see cref="AnalyzerAgreementTests"/> for a stream's settings: each row is literal StreamSettings, compiled with every
/// analyzer rule, then run, mapped as the gRPC edge maps it and judged by the validator's stream rules. Both accept it,
/// or both refuse it, and the row's rule points at the row's text.
/// </summary>
public sealed class StreamAnalyzerAgreementTests
{
    private static readonly (string Member, string Value)[] Valid =
    [
        ("LanguageCode", "LanguageCode.EnUs"),
        ("MediaSampleRateHertz", "16000"),
        ("MediaEncoding", "MediaEncoding.Pcm"),
        ("Specialty", "Specialty.Primarycare"),
        ("Type", "MedicalJobType.Dictation"),
    ];

    public static TheoryData<string, string, bool, string, string> Rows => new()
    {
        { "valid settings", "", true, "", "" },
        { "a streaming specialty", "Specialty=Specialty.Cardiology", true, "", "" },
        { "Specialty.Unspecified", "Specialty=Specialty.Unspecified", false, "MEDGRPC022", "Specialty.Unspecified" },
        { "an undefined specialty", "Specialty=(Specialty)42", false, "MEDGRPC022", "(Specialty)42" },
        { "MediaEncoding.Unspecified", "MediaEncoding=MediaEncoding.Unspecified", false, "MEDGRPC023", "MediaEncoding.Unspecified" },
        { "ogg-opus at 48 kHz", "MediaEncoding=MediaEncoding.OggOpus;MediaSampleRateHertz=48000", true, "", "" },
        { "sample rate below the range", "MediaSampleRateHertz=8000", false, "MEDGRPC015", "8000" },
        { "German", "LanguageCode=LanguageCode.DeDe", false, "MEDGRPC001", "LanguageCode.DeDe" },
        { "two channels", "EnableChannelIdentification=true;NumberOfChannels=2", true, "", "" },
        { "three channels", "EnableChannelIdentification=true;NumberOfChannels=3", false, "MEDGRPC024", "3" },
        { "channel identification without channels", "EnableChannelIdentification=true", false, "MEDGRPC025", "EnableChannelIdentification = true" },
        { "channels without channel identification", "NumberOfChannels=2", false, "MEDGRPC025", "NumberOfChannels = 2" },
        { "speakers and channels", "ShowSpeakerLabel=true;EnableChannelIdentification=true;NumberOfChannels=2", false, "MEDGRPC004", "EnableChannelIdentification = true" },
        { "a UUID session id", "SessionId=\"0f8fad5b-d9cb-469f-a165-70867728950e\"", true, "", "" },
        { "a session id that is no UUID", "SessionId=\"visit-42\"", false, "MEDGRPC026", "\"visit-42\"" },
        { "a vocabulary name with a space", "VocabularyName=\"cardio terms\"", false, "MEDGRPC011", "\"cardio terms\"" },
        { "a recorded stream", "OutputBucketName=\"notes\";OutputKey=\"cardiology/\";MedicalTranscriptionJobName=\"visit-42\"", true, "", "" },
        { "a recording bucket with the s3 scheme", "OutputBucketName=\"s3://notes\"", false, "MEDGRPC012", "\"s3://notes\"" },
        { "a recording bucket in capitals", "OutputBucketName=\"Notes\"", false, "MEDGRPC013", "\"Notes\"" },
        { "a recording key with a space", "OutputBucketName=\"notes\";OutputKey=\"my note.json\"", false, "MEDGRPC014", "\"my note.json\"" },
        { "a recording job name with a space", "OutputBucketName=\"notes\";MedicalTranscriptionJobName=\"visit 42\"", false, "MEDGRPC011", "\"visit 42\"" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task The_analyzer_and_the_stream_validator_give_the_same_verdict(string row, string set, bool accepted, string rule, string at)
    {
        var source = Source(set);
        var compilation = CSharpCompilation.Create($"StreamAgreement{Guid.NewGuid():N}", [CSharpSyntaxTree.ParseText(source)], AnalyzerAgreementTests.References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, $"{row}: the row does not compile: {string.Join("; ", errors)}\n{source}");

        var diagnostics = (await compilation.WithAnalyzers(AnalyzerAgreementTests.Analyzers).GetAnalyzerDiagnosticsAsync())
            .Where(d => d.Id.StartsWith("MEDGRPC", StringComparison.Ordinal)).ToList();
        var refused = Refused(AnalyzerAgreementTests.Run<StreamSettings>(compilation));

        Assert.True(accepted == !refused, $"{row}: the validator {(refused ? "refuses" : "accepts")} it, the table says otherwise");
        Assert.True(accepted == (diagnostics.Count == 0),
            $"{row}: the validator {(refused ? "refuses" : "accepts")} it, the analyzer reports [{string.Join("; ", diagnostics)}]");
        if (rule.Length > 0)
            Assert.Contains(diagnostics, d => d.Id == rule && d.Location.SourceTree!.ToString()[d.Location.SourceSpan.Start..d.Location.SourceSpan.End] == at);
    }

    private static string Source(string set)
    {
        var members = Valid.ToDictionary(m => m.Member, m => m.Value);
        foreach (var assignment in set.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = assignment.IndexOf('=');
            members[assignment[..equals]] = assignment[(equals + 1)..];
        }
        var initializer = string.Join("\n", members.Select(m => $"            {m.Key} = {m.Value},"));
        return $$"""
            using MedGrpc.Transcribe.V1;

            public static class Caller
            {
                public static StreamSettings Build() => new StreamSettings
                {
            {{initializer}}
                };
            }
            """;
    }

    private static bool Refused(StreamSettings settings)
    {
        try
        {
            RequestValidator.ValidateStream(StreamMapping.ToDomain(settings));
            return false;
        }
        catch (ServiceException e) when (e.Error == AwsError.BadRequestException)
        {
            return true;
        }
    }
}
