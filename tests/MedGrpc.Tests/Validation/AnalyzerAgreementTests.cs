using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using MedGrpc.Core.Errors;
using MedGrpc.Core.Validation;
using MedGrpc.Service.Api;
using MedGrpc.Transcribe.V1;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MedGrpc.Tests.Validation;

/// <summary>
/// The client's analyzer and the service's validator read the contract's numbers from one file
/// (src/Core/Contract/ContractLimits.cs); this keeps them agreeing on verdicts too. Each row is a literal
/// request: compiled with every analyzer rule, then run, mapped as the gRPC edge maps it, and validated.
/// Both must accept it, or both refuse it. A row may also name the rule that must point at a given text.
/// </summary>
public sealed class AnalyzerAgreementTests
{
    internal static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = typeof(MedGrpc.Analyzers.Descriptors).Assembly.GetTypes()
        .Where(type => !type.IsAbstract && type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
        .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
        .ToImmutableArray();

    internal static readonly Lazy<MetadataReference[]> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Append(typeof(StartMedicalTranscriptionJobRequest).Assembly.Location)
            .Append(typeof(Google.Protobuf.IMessage).Assembly.Location)
            .DistinctBy(Path.GetFileName)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToArray());

    private static readonly (string Member, string Value)[] Valid =
    [
        ("MedicalTranscriptionJobName", "\"visit-42\""),
        ("LanguageCode", "LanguageCode.EnUs"),
        ("Media", "new Media { MediaFileUri = \"s3://audio/visit.wav\" }"),
        ("OutputBucketName", "\"transcripts\""),
        ("Specialty", "Specialty.Primarycare"),
        ("Type", "MedicalJobType.Dictation"),
    ];

    private static string Settings(string members) => $"new MedicalTranscriptionSetting {{ {members} }}";

    private static readonly string Name200 = new('a', 200);
    private static readonly string Name201 = new('a', 201);

    /// <summary>Rows: what to set (or null: leave out), statements after the initializer, the verdict, and the rule expected where.</summary>
    public static TheoryData<string, string, string, bool, string, string> Rows => new()
    {
        { "a valid request", "", "", true, "", "" },
        { "sample rate below the range", "MediaSampleRateHertz=8000", "", false, "MEDGRPC015", "8000" },
        { "sample rate at the bottom", "MediaSampleRateHertz=16000", "", true, "", "" },
        { "sample rate at the top", "MediaSampleRateHertz=48000", "", true, "", "" },
        { "sample rate above the range", "MediaSampleRateHertz=48001", "", false, "MEDGRPC015", "48001" },
        { "two speakers", "Settings=" + Settings("ShowSpeakerLabels = true, MaxSpeakerLabels = 2"), "", true, "", "" },
        { "thirty speakers", "Settings=" + Settings("ShowSpeakerLabels = true, MaxSpeakerLabels = 30"), "", true, "", "" },
        { "one speaker", "Settings=" + Settings("ShowSpeakerLabels = true, MaxSpeakerLabels = 1"), "", false, "", "" },
        { "thirty-one speakers", "Settings=" + Settings("ShowSpeakerLabels = true, MaxSpeakerLabels = 31"), "", false, "", "" },
        { "speaker labels without a maximum", "Settings=" + Settings("ShowSpeakerLabels = true"), "", false, "", "" },
        { "a maximum without speaker labels", "Settings=" + Settings("MaxSpeakerLabels = 5"), "", false, "", "" },
        { "ten alternatives", "Settings=" + Settings("ShowAlternatives = true, MaxAlternatives = 10"), "", true, "", "" },
        { "one alternative", "Settings=" + Settings("ShowAlternatives = true, MaxAlternatives = 1"), "", false, "", "" },
        { "eleven alternatives", "Settings=" + Settings("ShowAlternatives = true, MaxAlternatives = 11"), "", false, "", "" },
        { "speakers and channels together", "Settings=" + Settings("ShowSpeakerLabels = true, MaxSpeakerLabels = 2, ChannelIdentification = true"), "", false, "", "" },
        { "a name with a space", "MedicalTranscriptionJobName=\"visit 42\"", "", false, "", "" },
        { "a name of 200 characters", $"MedicalTranscriptionJobName=\"{Name200}\"", "", true, "", "" },
        { "a name of 201 characters", $"MedicalTranscriptionJobName=\"{Name201}\"", "", false, "", "" },
        { "a bucket with the s3 scheme", "OutputBucketName=\"s3://transcripts\"", "", false, "", "" },
        { "a bucket in capitals", "OutputBucketName=\"Transcripts\"", "", false, "", "" },
        { "a bucket of two characters", "OutputBucketName=\"ab\"", "", false, "", "" },
        { "a bucket of three characters", "OutputBucketName=\"abc\"", "", true, "", "" },
        { "an output key with a folder", "OutputKey=\"notes/visit-42_a.json\"", "", true, "", "" },
        { "an output key with a space", "OutputKey=\"notes/visit 42.json\"", "", false, "", "" },
        { "an ftp media uri", "Media=new Media { MediaFileUri = \"ftp://audio/visit.wav\" }", "", false, "", "" },
        { "an https media uri", "Media=new Media { MediaFileUri = \"https://example.com/visit.wav\" }", "", true, "", "" },
        { "a path-style https media url of AWS S3", "Media=new Media { MediaFileUri = \"https://s3.us-east-1.amazonaws.com/audio/visit.wav\" }", "", true, "", "" },
        { "no output bucket", "OutputBucketName=", "", false, "", "" },
        { "German", "LanguageCode=LanguageCode.DeDe", "", false, "MEDGRPC001", "LanguageCode.DeDe" },
        { "PHI identification", "ContentIdentificationType=ContentIdentificationType.Phi", "", true, "", "" },
        { "a tag", "Tags={ new Tag { Key = \"ward\", Value = \"3\" } }", "", true, "", "" },
        { "a tag key of 129 characters", $"Tags={{ new Tag {{ Key = \"{new string('k', 129)}\", Value = \"3\" }} }}", "", false, "", "" },
        { "a tag value of 257 characters", $"Tags={{ new Tag {{ Key = \"ward\", Value = \"{new string('v', 257)}\" }} }}", "", false, "", "" },
        // Explicit defaults of required enums: the service refuses them as missing; the rule for the member says so where they are written.
        { "Specialty.Unspecified in the initializer", "Specialty=Specialty.Unspecified", "", false, "MEDGRPC002", "Specialty.Unspecified" },
        { "Specialty.Unspecified after the initializer", "", "request.Specialty = Specialty.Unspecified;", false, "MEDGRPC002", "Specialty.Unspecified" },
        { "LanguageCode.Unspecified in the initializer", "LanguageCode=LanguageCode.Unspecified", "", false, "MEDGRPC001", "LanguageCode.Unspecified" },
        { "LanguageCode.Unspecified after the initializer", "", "request.LanguageCode = LanguageCode.Unspecified;", false, "MEDGRPC001", "LanguageCode.Unspecified" },
        { "MedicalJobType.Unspecified in the initializer", "Type=MedicalJobType.Unspecified", "", false, "MEDGRPC021", "MedicalJobType.Unspecified" },
        { "MedicalJobType.Unspecified after the initializer", "", "request.Type = MedicalJobType.Unspecified;", false, "MEDGRPC021", "MedicalJobType.Unspecified" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task The_analyzer_and_the_validator_give_the_same_verdict(
        string row, string set, string after, bool accepted, string rule, string at)
    {
        var source = Source(set, after);
        var compilation = CSharpCompilation.Create($"Agreement{Guid.NewGuid():N}", [CSharpSyntaxTree.ParseText(source)], References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, $"{row}: the row does not compile: {string.Join("; ", errors)}\n{source}");

        var diagnostics = (await compilation.WithAnalyzers(Analyzers).GetAnalyzerDiagnosticsAsync())
            .Where(d => d.Id.StartsWith("MEDGRPC", StringComparison.Ordinal)).ToList();
        var refused = Refused(Build(compilation));

        Assert.True(accepted == !refused, $"{row}: the validator {(refused ? "refuses" : "accepts")} it, the table says otherwise");
        Assert.True(accepted == (diagnostics.Count == 0),
            $"{row}: the validator {(refused ? "refuses" : "accepts")} it, the analyzer reports [{string.Join("; ", diagnostics)}]");
        if (rule.Length > 0)
        {
            Assert.Contains(diagnostics, d => d.Id == rule && d.Location.SourceTree!.ToString()[d.Location.SourceSpan.Start..d.Location.SourceSpan.End] == at);
        }
    }

    private static string Source(string set, string after)
    {
        var members = Valid.ToDictionary(m => m.Member, m => (string?)m.Value);
        foreach (var assignment in set.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = assignment.IndexOf('=');
            var value = assignment[(equals + 1)..];
            members[assignment[..equals]] = value.Length == 0 ? null : value;
        }
        var initializer = string.Join("\n", members.Where(m => m.Value is not null).Select(m => $"            {m.Key} = {m.Value},"));
        return $$"""
            using MedGrpc.Transcribe.V1;

            public static class Caller
            {
                public static StartMedicalTranscriptionJobRequest Build()
                {
                    var request = new StartMedicalTranscriptionJobRequest
                    {
            {{initializer}}
                    };
                    {{after}}
                    return request;
                }
            }
            """;
    }

    private static StartMedicalTranscriptionJobRequest Build(CSharpCompilation compilation) => Run<StartMedicalTranscriptionJobRequest>(compilation);

    /// <summary>Compiles and runs Caller.Build, returning what it built.</summary>
    internal static T Run<T>(CSharpCompilation compilation)
    {
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join("; ", emitted.Diagnostics));
        image.Position = 0;
        var context = new AssemblyLoadContext(compilation.AssemblyName, isCollectible: true);
        try
        {
            var caller = context.LoadFromStream(image).GetType("Caller")!;
            return (T)caller.GetMethod("Build")!.Invoke(null, null)!;
        }
        finally
        {
            context.Unload();
        }
    }

    private static bool Refused(StartMedicalTranscriptionJobRequest request)
    {
        try
        {
            RequestValidator.ValidateStart(ProtoMapping.ToDomain(request));
            return false;
        }
        catch (ServiceException e) when (e.Error == AwsError.BadRequestException)
        {
            return true;
        }
    }
}
