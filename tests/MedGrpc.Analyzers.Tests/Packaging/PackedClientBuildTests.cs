using System.Diagnostics;
using Xunit;

namespace MedGrpc.Analyzers.Tests.Packaging;

/// <summary>
/// What a .NET team does: `dotnet add package MedGrpc.Client` and `dotnet build`. The client and
/// contracts are packed into a local folder feed, a sample project outside the repository references
/// the package, and its build must report the analyzer's diagnostics with their IDs and lines.
/// </summary>
public sealed class PackedClientBuildTests : IDisposable
{
    private readonly string _work = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "medgrpc-pack", Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose()
    {
        try { Directory.Delete(_work, recursive: true); }
        catch (IOException) { }
    }

    // Packs what this build compiled (--no-build): other tests run from the same outputs at the same
    // time, so this test must not rebuild them. Only the package version is its own.
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private const string Sample = """
        using MedGrpc.Transcribe.V1;

        var request = new StartMedicalTranscriptionJobRequest
        {
            MedicalTranscriptionJobName = "visit-1",
            LanguageCode = LanguageCode.DeDe,
            Media = new Media { MediaFileUri = "s3://media/visit-1.wav" },
            OutputBucketName = "s3://transcripts",
            Specialty = Specialty.Primarycare,
            Type = MedicalJobType.Dictation,
            Settings = new MedicalTranscriptionSetting { ShowSpeakerLabels = true, MaxSpeakerLabels = 2, ChannelIdentification = true },
        };
        System.Console.WriteLine(request);
        """;

    [Fact]
    public void A_project_using_the_packed_client_reports_invalid_requests_at_build_time()
    {
        var repo = FindRepository();
        var feed = Directory.CreateDirectory(Path.Combine(_work, "feed")).FullName;
        // A version of its own, so no package cached by an earlier run is used instead.
        var version = $"0.0.0-test.{DateTime.UtcNow:yyyyMMddHHmmssfff}";
        foreach (var project in new[] { "src/Contracts/MedGrpc.Contracts.csproj", "src/Client/MedGrpc.Client.csproj" })
            Run(repo, "pack", Path.Combine(repo, project), "--no-build", "-c", Configuration, "-o", feed, $"-p:PackageVersion={version}");

        var sample = Directory.CreateDirectory(Path.Combine(_work, "sample")).FullName;
        File.WriteAllText(Path.Combine(sample, "NuGet.config"), $"""
            <configuration>
              <packageSources>
                <add key="local" value="{feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(sample, "Sample.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="MedGrpc.Client" Version="{version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(sample, "Program.cs"), Sample);

        var (exitCode, output) = Run(sample, "build", "-nologo", "-clp:NoSummary");

        Assert.NotEqual(0, exitCode);
        Assert.Matches(@"Program\.cs\(6,\d+\): error MEDGRPC001", output);
        Assert.Matches(@"Program\.cs\(8,\d+\): error MEDGRPC012", output);
        Assert.Matches(@"Program\.cs\(11,\d+\): error MEDGRPC004", output);
    }

    private static (int ExitCode, string Output) Run(string directory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        // The test host's MSBuild settings would leak into the child build.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(key);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        var output = stdout.Result + stderr.Result;
        if (args[0] == "pack" && process.ExitCode != 0) throw new InvalidOperationException($"dotnet pack failed:\n{output}");
        return (process.ExitCode, output);
    }

    private static string FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "MedGrpc.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("MedGrpc.sln not found above the test's folder");
    }
}
