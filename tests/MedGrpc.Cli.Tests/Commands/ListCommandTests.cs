using System.Text.Json;
using MedGrpc.Cli.Tests.Support;

namespace MedGrpc.Cli.Tests.Commands;

[Collection(CliCollection.Name)]
public sealed class ListCommandTests(CliServer server)
{
    private static string[] Names(JsonElement page) =>
        page.GetProperty("MedicalTranscriptionJobSummaries").EnumerateArray()
            .Select(s => s.GetProperty("MedicalTranscriptionJobName").GetString()!).ToArray();

    [Fact]
    public async Task List_with_status_shows_only_jobs_of_that_status()
    {
        var prefix = CliServer.NewName("liststatus");
        await server.CompletedJobAsync($"{prefix}-done");
        await server.FailedJobAsync($"{prefix}-failed");

        var run = await server.ToolAsync("list", "--status", "FAILED", "--name-contains", prefix, "--json");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Equal(new[] { $"{prefix}-failed" }, Names(run.Json()));
        Assert.Equal("FAILED", run.Json().GetProperty("Status").GetString());
    }

    [Fact]
    public async Task List_pages_with_max_results_and_next_token()
    {
        var prefix = CliServer.NewName("listpages");
        foreach (var i in Enumerable.Range(1, 3)) await server.StartAsync($"{prefix}-{i}", server.GoForwardUri);

        var first = await server.ToolAsync("list", "--name-contains", prefix, "--max-results", "2", "--json");
        var token = first.Json().GetProperty("NextToken").GetString()!;
        var second = await server.ToolAsync("list", "--name-contains", prefix, "--max-results", "2", "--next-token", token, "--json");

        Assert.True(first.ExitCode == ExitCodes.Success, first.ToString());
        Assert.True(second.ExitCode == ExitCodes.Success, second.ToString());
        Assert.Equal(2, Names(first.Json()).Length);
        Assert.False(second.Json().TryGetProperty("NextToken", out _));
        Assert.Equal(Enumerable.Range(1, 3).Select(i => $"{prefix}-{i}").Order(), Names(first.Json()).Concat(Names(second.Json())).Order());
    }

    [Fact]
    public async Task List_prints_a_table_and_the_next_token_for_people()
    {
        var prefix = CliServer.NewName("listtable");
        await server.CompletedJobAsync($"{prefix}-1");
        await server.CompletedJobAsync($"{prefix}-2");

        var run = await server.ToolAsync("list", "--name-contains", prefix, "--max-results", "1");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Contains("Name", run.Out);
        Assert.Matches($@"{prefix}-2\s+│\s+COMPLETED\s+│\s+DICTATION", run.Out);
        Assert.Matches(@"(?m)^NextToken: \S+$", run.Out);
    }

    [Fact]
    public async Task List_with_a_status_that_is_no_AWS_status_exits_2()
    {
        var run = await server.ToolAsync("list", "--status", "DONE");

        Assert.True(run.ExitCode == ExitCodes.UsageError, run.ToString());
        Assert.Contains("expected one of: QUEUED, IN_PROGRESS, FAILED, COMPLETED", run.Error);
    }

    [Fact]
    public async Task List_with_max_results_out_of_range_exits_3_and_names_the_field()
    {
        var run = await server.ToolAsync("list", "--max-results", "0");

        Assert.True(run.ExitCode == ExitCodes.ServiceError, run.ToString());
        Assert.StartsWith("BadRequestException: ", run.Error);
        Assert.Contains("maxResults", run.Error);
    }
}
