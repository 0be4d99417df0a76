using MedGrpc.Cli.Tests.Support;

namespace MedGrpc.Cli.Tests.Commands;

[Collection(CliCollection.Name)]
public sealed class GetCommandTests(CliServer server)
{
    [Fact]
    public async Task Get_json_prints_the_job_in_the_AWS_CLI_shape()
    {
        var name = CliServer.NewName("get");
        await server.CompletedJobAsync(name);

        var run = await server.ToolAsync("get", name, "--json");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        var job = run.Json().GetProperty("MedicalTranscriptionJob");
        Assert.Equal(name, job.GetProperty("MedicalTranscriptionJobName").GetString());
        Assert.Equal("COMPLETED", job.GetProperty("TranscriptionJobStatus").GetString());
        Assert.Equal("wav", job.GetProperty("MediaFormat").GetString());
        Assert.Equal(16000, job.GetProperty("MediaSampleRateHertz").GetInt32());
        Assert.True(DateTimeOffset.TryParse(job.GetProperty("CompletionTime").GetString(), out _));
        Assert.False(job.TryGetProperty("FailureReason", out _));
    }

    [Fact]
    public async Task Get_prints_the_job_as_labelled_lines_for_people()
    {
        var name = CliServer.NewName("gettable");
        await server.CompletedJobAsync(name);

        var run = await server.ToolAsync("get", name);

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Matches($@"(?m)^Name\s+{name}", run.Out);
        Assert.Matches(@"(?m)^Status\s+COMPLETED", run.Out);
        Assert.Matches($@"(?m)^Transcript\s+s3://{CliServer.OutputBucket}/{name}\.json", run.Out);
    }

    [Fact]
    public async Task Get_of_a_failed_job_exits_0_and_shows_its_failure_reason()
    {
        var name = CliServer.NewName("getfailed");
        await server.FailedJobAsync(name);

        var run = await server.ToolAsync("get", name, "--json");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        var job = run.Json().GetProperty("MedicalTranscriptionJob");
        Assert.Equal("FAILED", job.GetProperty("TranscriptionJobStatus").GetString());
        Assert.Equal("Unsupported media format", job.GetProperty("FailureReason").GetString());
    }

    [Fact]
    public async Task Get_of_an_unknown_job_exits_3_with_BadRequestException()
    {
        var run = await server.ToolAsync("get", CliServer.NewName("nosuchjob"));

        Assert.True(run.ExitCode == ExitCodes.ServiceError, run.ToString());
        Assert.StartsWith("BadRequestException: The requested job couldn't be found", run.Error);
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task Get_without_a_job_name_exits_2()
    {
        var run = await server.ToolAsync("get");

        Assert.True(run.ExitCode == ExitCodes.UsageError, run.ToString());
    }
}
