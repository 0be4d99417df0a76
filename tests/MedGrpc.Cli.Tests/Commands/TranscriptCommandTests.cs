using System.Text.Json;
using MedGrpc.Cli.Tests.Support;

namespace MedGrpc.Cli.Tests.Commands;

[Collection(CliCollection.Name)]
public sealed class TranscriptCommandTests(CliServer server)
{
    [Fact]
    public async Task Transcript_prints_the_text_of_the_transcript()
    {
        var name = CliServer.NewName("text");
        var completed = await server.CompletedJobAsync(name);

        var run = await server.ToolAsync("transcript", name);

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Equal(completed.Text, run.Out.TrimEnd('\n'));
        Assert.Contains("forward", run.Out, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Transcript_json_prints_the_object_byte_for_byte_as_the_output_bucket_holds_it()
    {
        var name = CliServer.NewName("json");
        await server.CompletedJobAsync(name);

        var run = await server.ToolAsync("transcript", name, "--json");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Equal(File.ReadAllText(Path.Combine(server.BucketPath(CliServer.OutputBucket), $"{name}.json")), run.Out);
        Assert.Equal(name, JsonDocument.Parse(run.Out).RootElement.GetProperty("jobName").GetString());
    }

    [Fact]
    public async Task Transcript_of_a_running_job_waits_for_it_to_complete()
    {
        var name = CliServer.NewName("wait");
        await server.StartAsync(name, server.GoForwardUri);

        var run = await server.ToolAsync("transcript", name);

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Contains("forward", run.Out, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Transcript_of_a_failed_job_exits_1_with_the_failure_reason()
    {
        var name = CliServer.NewName("nofile");
        await server.FailedJobAsync(name);

        var run = await server.ToolAsync("transcript", name);

        Assert.True(run.ExitCode == ExitCodes.JobFailed, run.ToString());
        Assert.Empty(run.Out);
        Assert.Contains("Unsupported media format", run.Error);
    }

    [Fact]
    public async Task Transcript_whose_object_was_removed_exits_3_with_NotFoundException()
    {
        var name = CliServer.NewName("gone");
        await server.CompletedJobAsync(name);
        File.Delete(Path.Combine(server.BucketPath(CliServer.OutputBucket), $"{name}.json"));

        var run = await server.ToolAsync("transcript", name, "--json");

        Assert.True(run.ExitCode == ExitCodes.ServiceError, run.ToString());
        Assert.StartsWith("NotFoundException: ", run.Error);
    }
}
