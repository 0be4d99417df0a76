namespace MedGrpc.Cli.Tests.Support;

/// <summary>The repository's root: the folder above the test's build output that holds MedGrpc.sln.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "MedGrpc.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"No MedGrpc.sln above {AppContext.BaseDirectory}.");
    }
}
