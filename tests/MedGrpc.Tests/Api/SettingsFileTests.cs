using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Grpc.Core;
using MedGrpc.Tests.Support;
using MedGrpc.Transcribe.V1;
using Microsoft.Extensions.Logging;

namespace MedGrpc.Tests.Api;

/// <summary>
/// The settings file (MedGrpc:SettingsFile) read again while the service runs: a change that doesn't hold (a file
/// caught half written, a key list that breaks its rule) is refused, said in the log, and the keys in force stay.
/// </summary>
public sealed class SettingsFileTests : IAsyncLifetime
{
    private const string Account = "111122223333";
    private const string Key = "a-key-in-the-settings-file";
    private const string LaterKey = "a-key-added-after-a-bad-write";
    private readonly CapturedLogs _logs = new();
    private readonly TestSettingsFile _settings = new(TestSettingsFile.Auth("ApiKeys", ApiKey(Key)));
    private TestServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = new TestServer(1, backend: TestBackend.Embedded, settings: [_settings.Argument]) { Configure = b => b.Logging.AddProvider(_logs) };
        await _server.StartAppAsync();
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _settings.Dispose();
    }

    private static JsonObject ApiKey(string key) => new()
    {
        ["AccountId"] = Account,
        ["Sha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))),
    };

    private Task ListAsync(string key) =>
        _server.Jobs.ListMedicalTranscriptionJobsAsync(new ListMedicalTranscriptionJobsRequest(), new Metadata { { "x-api-key", key } }).ResponseAsync;

    private Task LoggedAsync(string words) => Eventually.TrueAsync(
        () => Task.FromResult(_logs.Entries.Any(e => e.Level == LogLevel.Error && e.Message.Contains(words))), $"an error saying '{words}'");

    [Fact]
    public async Task A_settings_file_that_stops_parsing_keeps_the_keys_in_force()
    {
        _settings.Overwrite("""{"MedGrpc": {"Auth": {"ApiKeys": [{"AccountId": "111122223333", "Sha256": """);
        await LoggedAsync("doesn't parse");

        await ListAsync(Key);
        // Read again once it parses.
        _settings.Replace(TestSettingsFile.Auth("ApiKeys", ApiKey(Key), ApiKey(LaterKey)));
        await Eventually.TrueAsync(async () =>
        {
            try { await ListAsync(LaterKey); return true; }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unauthenticated) { return false; }
        }, "the key added after the bad write serves");
    }

    [Fact]
    public async Task A_changed_key_list_that_breaks_its_rule_is_refused_and_the_keys_in_force_stay()
    {
        _settings.Replace(TestSettingsFile.Auth("ApiKeys", ApiKey(Key), new JsonObject { ["AccountId"] = Account, ["Sha256"] = "not a hash" }));
        await LoggedAsync("MedGrpc:Auth:ApiKeys");

        await ListAsync(Key);
    }

    [Fact]
    public async Task A_settings_file_that_is_not_there_stops_the_start_naming_it()
    {
        var missing = Path.Combine(Path.GetTempPath(), "medgrpc-tests", Guid.NewGuid().ToString("N"), "medgrpc.json");
        await using var server = new TestServer(1, backend: TestBackend.Embedded, settings: [$"--MedGrpc:SettingsFile={missing}"]);

        var e = await Assert.ThrowsAsync<InvalidOperationException>(server.StartAppAsync);

        Assert.Contains(missing, e.Message);
    }
}
