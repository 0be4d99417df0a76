using System.Text.Json;

namespace MedGrpc.Tests.Support;

/// <summary>The development speech set the repository carries in testdata/speech (MEDGRPC_SPEECH_DIR chooses another).</summary>
public static class SpeechSet
{
    public static string Root { get; } = Find();

    public static string Audio(string file) => Path.Combine(Root, "audio", file);

    public static IReadOnlyList<JsonElement> Manifest() =>
        File.ReadLines(Path.Combine(Root, "manifest.jsonl"))
            .Where(line => line.Trim().Length > 0)
            .Select(line => JsonDocument.Parse(line).RootElement.Clone())
            .ToList();

    private static string Find()
    {
        if (Environment.GetEnvironmentVariable("MEDGRPC_SPEECH_DIR") is { Length: > 0 } fromEnvironment) return fromEnvironment;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "MedGrpc.sln")))
                return Path.Combine(dir.FullName, "testdata", "speech");
        throw new DirectoryNotFoundException($"No MedGrpc.sln above {AppContext.BaseDirectory}, so no testdata/speech; set MEDGRPC_SPEECH_DIR.");
    }
}
