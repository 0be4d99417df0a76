using System.Net;
using System.Net.Sockets;
using MedGrpc.Cli.Tests.Support;

namespace MedGrpc.Cli.Tests;

/// <summary>What every command shares: the address, usage errors, help, and plain text when redirected.</summary>
[Collection(CliCollection.Name)]
public sealed class GlobalBehaviourTests(CliServer server)
{
    [Fact]
    public async Task A_service_that_cannot_be_reached_exits_4()
    {
        var run = await MedGrpcTool.RunAsync(["list", "--address", $"http://127.0.0.1:{ClosedPort()}"]);

        Assert.True(run.ExitCode == ExitCodes.RpcFailure, run.ToString());
        Assert.Contains("(Unavailable)", run.Error);
    }

    [Fact]
    public async Task The_address_comes_from_MEDGRPC_ADDRESS_when_no_option_gives_it()
    {
        var run = await MedGrpcTool.RunAsync(["list", "--json"], new Dictionary<string, string?> { ["MEDGRPC_ADDRESS"] = server.Address });

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.True(run.Json().TryGetProperty("MedicalTranscriptionJobSummaries", out _));
    }

    [Fact]
    public async Task An_address_option_wins_over_MEDGRPC_ADDRESS()
    {
        var run = await MedGrpcTool.RunAsync(["list", "--json", "--address", server.Address],
            new Dictionary<string, string?> { ["MEDGRPC_ADDRESS"] = $"http://127.0.0.1:{ClosedPort()}" });

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
    }

    [Fact]
    public async Task An_address_that_is_no_http_url_exits_2()
    {
        var run = await MedGrpcTool.RunAsync(["list", "--address", "localhost:50051"]);

        Assert.True(run.ExitCode == ExitCodes.UsageError, run.ToString());
        Assert.Contains("is not a service address", run.Error);
    }

    [Fact]
    public async Task A_MEDGRPC_ADDRESS_that_is_no_http_url_exits_2_and_says_where_it_came_from()
    {
        var run = await MedGrpcTool.RunAsync(["list"], new Dictionary<string, string?> { ["MEDGRPC_ADDRESS"] = "localhost:50051" });

        Assert.True(run.ExitCode == ExitCodes.UsageError, run.ToString());
        Assert.Contains("'localhost:50051' ($MEDGRPC_ADDRESS) is not a service address", run.Error);
    }

    [Fact]
    public async Task No_command_exits_2()
    {
        var run = await MedGrpcTool.RunAsync([]);

        Assert.True(run.ExitCode == ExitCodes.UsageError, run.ToString());
    }

    [Fact]
    public async Task An_unknown_command_exits_2()
    {
        var run = await server.ToolAsync("transcribe", "x");

        Assert.True(run.ExitCode == ExitCodes.UsageError, run.ToString());
    }

    [Fact]
    public async Task An_unknown_option_exits_2_and_points_to_help()
    {
        var run = await server.ToolAsync("get", "x", "--verbose");

        Assert.True(run.ExitCode == ExitCodes.UsageError, run.ToString());
        Assert.Contains("--verbose", run.Error);
        Assert.Contains("Run 'medgrpc get --help' for usage.", run.Error);
    }

    [Fact]
    public async Task Help_lists_every_command_and_exits_0()
    {
        var run = await MedGrpcTool.RunAsync(["--help"]);

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        foreach (var command in new[] { "start", "watch", "get", "list", "delete", "transcript" })
            Assert.Matches($@"(?m)^\s+{command}\b", run.Out);
    }

    [Fact]
    public async Task Redirected_output_is_plain_text_even_when_the_terminal_claims_colour()
    {
        var name = CliServer.NewName("plain");
        await server.CompletedJobAsync(name);
        var colourTerminal = new Dictionary<string, string?> { ["TERM"] = "xterm-256color", ["COLORTERM"] = "truecolor", ["NO_COLOR"] = null };

        var runs = new[]
        {
            await MedGrpcTool.RunAsync(["get", name, "--address", server.Address], colourTerminal),
            await MedGrpcTool.RunAsync(["list", "--name-contains", name, "--address", server.Address], colourTerminal),
            await MedGrpcTool.RunAsync(["watch", name, "--address", server.Address], colourTerminal),
        };

        Assert.All(runs, run =>
        {
            Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
            Assert.DoesNotContain('\u001b', run.Out);
            Assert.DoesNotContain('\u001b', run.Error);
        });
    }

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task An_interrupted_watch_exits_130_and_leaves_the_job_to_the_service(string signal)
    {
        var name = CliServer.NewName($"interrupt{signal.ToLowerInvariant()}");
        using var media = new SilentMediaHost();
        await server.StartAsync(name, media.Uri);
        using var watch = MedGrpcTool.Start(["watch", name, "--address", server.Address]);
        await WaitUntilAsync(() => watch.ErrorSoFar.Contains($"{name}: "));

        watch.Signal(signal);
        var run = await watch.WaitAsync();

        Assert.True(run.ExitCode == ExitCodes.Interrupted, run.ToString());
        Assert.Contains("medgrpc: interrupted.", run.Error);
        var job = await server.Jobs.GetMedicalTranscriptionJobAsync(new() { MedicalTranscriptionJobName = name });
        Assert.Null(job.MedicalTranscriptionJob.CompletionTime);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the tool");
            await Task.Delay(50);
        }
    }

    // A port that was just free: nothing listens there.
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
