using MedGrpc.Cli.Tests.Support;

namespace MedGrpc.Cli.Tests.Commands;

[Collection(CliCollection.Name)]
public sealed class WatchCommandTests(CliServer server)
{
    [Fact]
    public async Task Watch_follows_a_running_job_to_COMPLETED_and_exits_0()
    {
        var name = CliServer.NewName("watch");
        await server.StartAsync(name, server.GoForwardUri);

        var run = await server.ToolAsync("watch", name);

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Matches(@"Status\s+COMPLETED", run.Out);
        Assert.Matches(@"(?im)^Text\s+.*forward", run.Out);
    }

    [Fact]
    public async Task Watch_prints_one_plain_line_per_stage_on_standard_error_ending_in_completed()
    {
        var name = CliServer.NewName("stages");
        await server.StartAsync(name, server.GoForwardUri);

        var run = await server.ToolAsync("watch", name);

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.All(lines, line => Assert.Matches($@"^{name}: [a-z]+ \d+%$", line));
        Assert.Equal($"{name}: completed 100%", lines[^1]);
        Assert.Equal(lines.Length, lines.Distinct().Count());
    }

    [Fact]
    public async Task Watch_json_prints_the_terminal_job()
    {
        var name = CliServer.NewName("watchjson");
        await server.StartAsync(name, server.GoForwardUri);

        var run = await server.ToolAsync("watch", name, "--json");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        var job = run.Json().GetProperty("MedicalTranscriptionJob");
        Assert.Equal("COMPLETED", job.GetProperty("TranscriptionJobStatus").GetString());
        Assert.Equal($"s3://{CliServer.OutputBucket}/{name}.json", job.GetProperty("Transcript").GetProperty("TranscriptFileUri").GetString());
    }

    [Fact]
    public async Task Watch_of_a_failed_job_exits_1_and_prints_the_failure_reason()
    {
        var name = CliServer.NewName("watchfail");
        await server.FailedJobAsync(name);

        var run = await server.ToolAsync("watch", name);

        Assert.True(run.ExitCode == ExitCodes.JobFailed, run.ToString());
        Assert.Matches(@"Failure reason\s+Unsupported media format", run.Out);
        Assert.Contains($"job '{name}' FAILED: Unsupported media format", run.Error);
    }

    [Fact]
    public async Task Watch_of_an_unknown_job_exits_3_with_BadRequestException()
    {
        var run = await server.ToolAsync("watch", CliServer.NewName("nosuchjob"));

        Assert.True(run.ExitCode == ExitCodes.ServiceError, run.ToString());
        Assert.Contains("BadRequestException: The requested job couldn't be found", run.Error);
    }
}
