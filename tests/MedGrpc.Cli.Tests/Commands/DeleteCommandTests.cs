using MedGrpc.Cli.Tests.Support;

namespace MedGrpc.Cli.Tests.Commands;

[Collection(CliCollection.Name)]
public sealed class DeleteCommandTests(CliServer server)
{
    [Fact]
    public async Task Delete_removes_a_finished_job()
    {
        var name = CliServer.NewName("delete");
        await server.CompletedJobAsync(name);

        var run = await server.ToolAsync("delete", name);
        var after = await server.ToolAsync("get", name);

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Equal($"Deleted job '{name}'.", run.Out.Trim());
        Assert.True(after.ExitCode == ExitCodes.ServiceError, after.ToString());
    }

    [Fact]
    public async Task Delete_of_an_unknown_job_exits_3_with_BadRequestException()
    {
        var run = await server.ToolAsync("delete", CliServer.NewName("nosuchjob"));

        Assert.True(run.ExitCode == ExitCodes.ServiceError, run.ToString());
        Assert.StartsWith("BadRequestException: ", run.Error);
    }
}
