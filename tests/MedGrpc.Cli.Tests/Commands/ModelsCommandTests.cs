using System.Security.Cryptography;
using MedGrpc.Cli.Tests.Support;

namespace MedGrpc.Cli.Tests.Commands;

/// <summary>medgrpc models download, run as a process against a real HTTP server on loopback serving model files.</summary>
public sealed class ModelsCommandTests : IDisposable
{
    private static readonly byte[] Model = RandomNumberGenerator.GetBytes(300_000);
    private static readonly string ModelSha256 = Convert.ToHexStringLower(SHA256.HashData(Model));

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "medgrpc-cli-tests", Guid.NewGuid().ToString("N"), "models", "whisper");
    private readonly ModelFileServer _server = new(new Dictionary<string, byte[]>
    {
        ["ggml-clinic-test.bin"] = Model,
        // A published name whose bytes are not the published model: whisper.cpp's SHA-1 must refuse them.
        ["ggml-tiny.en.bin"] = Model,
    });

    private Task<ToolRun> DownloadAsync(params string[] args) =>
        MedGrpcTool.RunAsync(["models", "download", .. args, "--dir", _dir, "--base-url", _server.BaseUrl]);

    private string[] FilesLeft() => Directory.Exists(_dir) ? Directory.GetFiles(_dir).Select(f => Path.GetFileName(f)).ToArray() : [];

    [Fact]
    public async Task A_model_whose_checksum_matches_is_saved_under_its_published_file_name()
    {
        var run = await DownloadAsync("clinic-test", "--sha256", ModelSha256);

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Equal(Model, await File.ReadAllBytesAsync(Path.Combine(_dir, "ggml-clinic-test.bin")));
        Assert.Equal(["ggml-clinic-test.bin"], FilesLeft());
        Assert.Contains("SHA-256 verified", run.Out);
    }

    [Fact]
    public async Task A_checksum_mismatch_exits_5_and_leaves_no_file_behind()
    {
        var run = await DownloadAsync("clinic-test", "--sha256", new string('0', 64));

        Assert.True(run.ExitCode == ExitCodes.DownloadFailed, run.ToString());
        Assert.Contains($"does not match its checksum: SHA-256 {ModelSha256}", run.Error);
        Assert.Empty(FilesLeft());
    }

    [Fact]
    public async Task A_published_model_is_checked_against_whisper_cpp_s_published_SHA1()
    {
        var run = await DownloadAsync("tiny.en");

        Assert.True(run.ExitCode == ExitCodes.DownloadFailed, run.ToString());
        Assert.Contains("(expected c78c86eb1a8faa21b369bcd33207cc90d64ae9df)", run.Error);
        Assert.Empty(FilesLeft());
    }

    [Fact]
    public async Task A_model_the_server_does_not_have_exits_5_with_the_HTTP_status()
    {
        var run = await DownloadAsync("base.en");

        Assert.True(run.ExitCode == ExitCodes.DownloadFailed, run.ToString());
        Assert.Contains("HTTP 404", run.Error);
        Assert.Empty(FilesLeft());
    }

    [Fact]
    public async Task A_server_that_cannot_be_reached_exits_5_and_leaves_no_file_behind()
    {
        string unreachable;
        using (var closed = new ModelFileServer(new Dictionary<string, byte[]>())) unreachable = closed.BaseUrl; // nobody listens there now

        var run = await MedGrpcTool.RunAsync(["models", "download", "clinic-test", "--sha256", ModelSha256, "--dir", _dir, "--base-url", unreachable]);

        Assert.True(run.ExitCode == ExitCodes.DownloadFailed, run.ToString());
        Assert.Contains($"the download of {unreachable}ggml-clinic-test.bin failed", run.Error);
        Assert.Empty(FilesLeft());
    }

    [Fact]
    public async Task A_model_without_a_published_checksum_needs_sha256_before_anything_is_fetched()
    {
        var run = await DownloadAsync("clinic-test");

        Assert.True(run.ExitCode == ExitCodes.UsageError, run.ToString());
        Assert.Contains("give its SHA-256 with --sha256", run.Error);
        Assert.Equal(0, _server.Requests);
    }

    [Fact]
    public async Task A_model_already_there_and_verified_is_not_fetched_again()
    {
        Directory.CreateDirectory(_dir);
        await File.WriteAllBytesAsync(Path.Combine(_dir, "ggml-clinic-test.bin"), Model);

        var run = await DownloadAsync("clinic-test", "--sha256", ModelSha256);

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Contains("is already there", run.Out);
        Assert.Equal(0, _server.Requests);
    }

    [Fact]
    public async Task A_name_that_is_a_path_is_a_usage_error()
    {
        var run = await DownloadAsync("../../etc/passwd", "--sha256", ModelSha256);

        Assert.True(run.ExitCode == ExitCodes.UsageError, run.ToString());
        Assert.Equal(0, _server.Requests);
    }

    public void Dispose()
    {
        _server.Dispose();
        try { Directory.Delete(Path.GetFullPath(Path.Combine(_dir, "..", "..")), recursive: true); }
        catch (DirectoryNotFoundException) { }
    }
}
