using System.Text.Json;

namespace MedGrpc.Tests.Support;

/// <summary>The development speech set in ../shared/data/speech, found from the repository root.</summary>
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
        var fromEnvironment = Environment.GetEnvironmentVariable("MEDGRPC_SPEECH_DIR");
        if (fromEnvironment is not null) return fromEnvironment;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "speech");
            if (File.Exists(Path.Combine(candidate, "manifest.jsonl"))) return candidate;
            candidate = Path.Combine(dir.FullName, "..", "shared", "data", "speech");
            if (File.Exists(Path.Combine(candidate, "manifest.jsonl"))) return Path.GetFullPath(candidate);
        }
        throw new DirectoryNotFoundException("The speech set (shared/data/speech) was not found beside the repository; set MEDGRPC_SPEECH_DIR.");
    }
}
