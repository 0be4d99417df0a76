namespace MedGrpc.Cli.Tests.Support;

/// <summary>The development speech set the repository carries in testdata/speech (MEDGRPC_SPEECH_DIR chooses another).</summary>
public static class SpeechSet
{
    public static string Root { get; } = Find();

    public static string Audio(string file) => Path.Combine(Root, "audio", file);

    /// <summary>2.8 s of a real voice saying "go forward ten meters": the shortest real recording of the set.</summary>
    public static string GoForward => Audio("dev-real-goforward.wav");

    private static string Find()
    {
        if (Environment.GetEnvironmentVariable("MEDGRPC_SPEECH_DIR") is { Length: > 0 } fromEnvironment) return fromEnvironment;
        return Path.Combine(RepositoryRoot.Path, "testdata", "speech");
    }
}
