using System.Diagnostics;
using System.IO.Compression;
using System.Xml.Linq;
using MedGrpc.Cli.Tests.Support;

namespace MedGrpc.Cli.Tests;

/// <summary>`dotnet pack src/Cli` makes a dotnet tool package that installs and runs as `medgrpc`.</summary>
[Collection(CliCollection.Name)]
public sealed class ToolPackageTests : IDisposable
{
    // The build this test runs in has already compiled src/Cli in the same configuration: pack it as built.
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private readonly string _folder = Directory.CreateTempSubdirectory("medgrpc-cli-pack-").FullName;

    [Fact]
    public async Task Pack_makes_a_tool_package_that_installs_and_runs_as_medgrpc()
    {
        var feed = Path.Combine(_folder, "feed");
        await DotnetAsync("pack", Path.Combine(RepositoryRoot.Path, "src", "Cli"), "--no-build", "-c", Configuration, "-o", feed);

        var package = Assert.Single(Directory.GetFiles(feed, "MedGrpc.Cli.*.nupkg"));
        using (var zip = ZipFile.OpenRead(package))
        {
            Assert.NotNull(zip.GetEntry("tools/net10.0/any/MedGrpc.Cli.dll"));
            var settingsEntry = zip.GetEntry("tools/net10.0/any/DotnetToolSettings.xml");
            Assert.NotNull(settingsEntry);
            using var settings = settingsEntry.Open();
            var command = XDocument.Load(settings).Descendants("Command").Single();
            Assert.Equal("medgrpc", command.Attribute("Name")?.Value);
            Assert.Equal("MedGrpc.Cli.dll", command.Attribute("EntryPoint")?.Value);
        }

        // Installed from the folder alone, into a package cache of its own: no registry, no trace in the user's cache.
        var config = Path.Combine(_folder, "nuget.config");
        File.WriteAllText(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration><packageSources><clear /><add key="local" value="{feed}" /></packageSources></configuration>
            """);
        var tools = Path.Combine(_folder, "tools");
        await DotnetAsync("tool", "install", "--tool-path", tools, "--configfile", config, "MedGrpc.Cli");

        var help = await RunAsync(Path.Combine(tools, "medgrpc"), "--help");
        Assert.True(help.ExitCode == ExitCodes.Success, help.ToString());
        Assert.Contains("medgrpc [command] [options]", help.Out);
    }

    private async Task DotnetAsync(params string[] args)
    {
        var run = await RunAsync("dotnet", args);
        Assert.True(run.ExitCode == 0, $"dotnet {string.Join(' ', args)}\n{run}");
    }

    private async Task<ToolRun> RunAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["NUGET_PACKAGES"] = Path.Combine(_folder, "packages");
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return new ToolRun(process.ExitCode, await output, await error);
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
    }
}
