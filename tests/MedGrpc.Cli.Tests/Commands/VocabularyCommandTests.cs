using MedGrpc.Cli.Tests.Support;

namespace MedGrpc.Cli.Tests.Commands;

[Collection(CliCollection.Name)]
public sealed class VocabularyCommandTests(CliServer server)
{
    private string TableFile(string name, params string[] rows)
    {
        var path = Path.Combine(Path.GetTempPath(), "medgrpc-cli-tests", $"{name}.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, string.Join('\n', ["Phrase\tIPA\tSoundsLike\tDisplayAs", .. rows]) + "\n");
        return path;
    }

    [Fact]
    public async Task Create_with_upload_and_wait_ends_READY_and_get_shows_it()
    {
        var name = CliServer.NewName("vocab");
        var file = TableFile(name, "mavacamten\t\t\tMavacamten");

        var create = await server.ToolAsync("vocabulary", "create", name, "--upload", file, "--upload-bucket", CliServer.MediaBucket, "--wait");
        var get = await server.ToolAsync("vocabulary", "get", name);

        Assert.True(create.ExitCode == ExitCodes.Success, create.ToString());
        Assert.Contains($"Vocabulary '{name}' is READY.", create.Out);
        Assert.True(get.ExitCode == ExitCodes.Success, get.ToString());
        Assert.Contains("READY", get.Out);
    }

    [Fact]
    public async Task Create_and_wait_of_a_broken_table_exits_1_with_the_failure_reason()
    {
        var name = CliServer.NewName("vocab-bad");
        var file = TableFile(name, "two words\t\t\t");

        var run = await server.ToolAsync("vocabulary", "create", name, "--upload", file, "--upload-bucket", CliServer.MediaBucket, "--wait");

        Assert.True(run.ExitCode == ExitCodes.JobFailed, run.ToString());
        Assert.Contains("line 2", run.Error);
    }

    [Fact]
    public async Task Create_without_a_file_is_a_usage_error()
    {
        var run = await server.ToolAsync("vocabulary", "create", CliServer.NewName("vocab"));

        Assert.True(run.ExitCode == ExitCodes.UsageError, run.ToString());
    }

    [Fact]
    public async Task Get_of_an_unknown_vocabulary_exits_3_with_NotFoundException()
    {
        var run = await server.ToolAsync("vocabulary", "get", CliServer.NewName("nosuchvocab"));

        Assert.True(run.ExitCode == ExitCodes.ServiceError, run.ToString());
        Assert.StartsWith("NotFoundException: ", run.Error);
    }

    [Fact]
    public async Task List_shows_a_created_vocabulary_and_delete_removes_it()
    {
        var name = CliServer.NewName("vocab-listed");
        await server.ToolAsync("vocabulary", "create", name, "--upload", TableFile(name, "metformin\t\t\t"), "--upload-bucket", CliServer.MediaBucket, "--wait");

        var list = await server.ToolAsync("vocabulary", "list", "--name-contains", name, "--state", "READY");
        var delete = await server.ToolAsync("vocabulary", "delete", name);
        var after = await server.ToolAsync("vocabulary", "get", name);

        Assert.Contains(name, list.Out);
        Assert.Equal($"Deleted vocabulary '{name}'.", delete.Out.Trim());
        Assert.True(after.ExitCode == ExitCodes.ServiceError, after.ToString());
    }
}
