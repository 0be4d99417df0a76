namespace MedGrpc.Cli.Tests.Support;

/// <summary>The development speech set in ../shared/data/speech, found from the repository root (or MEDGRPC_SPEECH_DIR).</summary>
public static class SpeechSet
{
    public static string Root { get; } = Find();

    public static string Audio(string file) => Path.Combine(Root, "audio", file);

    /// <summary>2.8 s of a real voice saying "go forward ten meters": the shortest real recording of the set.</summary>
    public static string GoForward => Audio("dev-real-goforward.wav");

    private static string Find()
    {
        if (Environment.GetEnvironmentVariable("MEDGRPC_SPEECH_DIR") is { Length: > 0 } fromEnvironment) return fromEnvironment;
        var candidate = Path.GetFullPath(Path.Combine(RepositoryRoot.Path, "..", "shared", "data", "speech"));
        if (File.Exists(Path.Combine(candidate, "manifest.jsonl"))) return candidate;
        throw new DirectoryNotFoundException($"The speech set was not found at {candidate}; set MEDGRPC_SPEECH_DIR.");
    }
}
