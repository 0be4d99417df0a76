using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Grpc.Core;
using MedGrpc.Tests.AwsApi;
using MedGrpc.Tests.Support;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Tests.Api;

/// <summary>
/// Rotating a key without downtime: the new key is configured beside the old one for the same account, callers move
/// to it, then the old one is removed. While both are configured, both act for the account, on either edge; and in the
/// settings file (MedGrpc:SettingsFile) each step takes effect on the running service, while a caller calls on.
/// </summary>
public sealed class KeyRotationTests : IAsyncLifetime
{
    private const string Account = "111122223333";
    private const string OldKey = "the-old-api-key-being-retired";
    private const string NewKey = "the-new-api-key-taking-over";
    private const string OldAccessKeyId = "AKIAMEDGRPCOLDKEY001";
    private const string NewAccessKeyId = "AKIAMEDGRPCNEWKEY001";
    private const string OldSecret = "old/secret+key/for/rotation/tests000000";
    private const string NewSecret = "new/secret+key/for/rotation/tests000000";
    private readonly List<TestServer> _servers = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var server in _servers) await server.DisposeAsync();
    }

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private async Task<TestServer> StartAsync(params string[] settings)
    {
        var server = new TestServer(1, backend: TestBackend.Embedded, settings: settings);
        _servers.Add(server);
        await server.StartAppAsync();
        return server;
    }

    private static Metadata Key(string key) => new() { { "authorization", $"Bearer {key}" } };

    [Fact]
    public async Task Two_API_keys_of_one_account_are_valid_at_once_and_see_the_same_jobs()
    {
        var server = await StartAsync(
            $"--MedGrpc:Auth:ApiKeys:0:AccountId={Account}", $"--MedGrpc:Auth:ApiKeys:0:Sha256={Hash(OldKey)}",
            $"--MedGrpc:Auth:ApiKeys:1:AccountId={Account}", $"--MedGrpc:Auth:ApiKeys:1:Sha256={Hash(NewKey)}");
        server.CreateBucket("out");
        var media = server.PutFile("media", "rotation.wav", MediaFiles.GoForward);

        await server.Jobs.StartMedicalTranscriptionJobAsync(Requests.Dictation("started-with-the-old-key", media), Key(OldKey));
        var seen = await server.Jobs.GetMedicalTranscriptionJobAsync(
            new GetMedicalTranscriptionJobRequest { MedicalTranscriptionJobName = "started-with-the-old-key" }, Key(NewKey));

        Assert.Equal("started-with-the-old-key", seen.MedicalTranscriptionJob.MedicalTranscriptionJobName);
    }

    [Fact]
    public async Task Once_the_old_API_key_is_removed_it_is_UnrecognizedClientException_and_the_new_one_serves()
    {
        var server = await StartAsync($"--MedGrpc:Auth:ApiKeys:0:AccountId={Account}", $"--MedGrpc:Auth:ApiKeys:0:Sha256={Hash(NewKey)}");

        await server.Jobs.ListMedicalTranscriptionJobsAsync(new ListMedicalTranscriptionJobsRequest(), Key(NewKey));
        await JobAssertions.RefusedAsync(
            async () => await server.Jobs.ListMedicalTranscriptionJobsAsync(new ListMedicalTranscriptionJobsRequest(), Key(OldKey)),
            StatusCode.Unauthenticated, "UnrecognizedClientException");
    }

    [Fact]
    public async Task Two_access_keys_of_one_account_both_sign_for_it_on_the_AWS_endpoint()
    {
        var port = FreePort.Next();
        var server = await StartAsync($"--MedGrpc:AwsApi:Port={port}", "--MedGrpc:AwsApi:Host=127.0.0.1",
            $"--MedGrpc:Auth:AccessKeys:0:AccessKeyId={OldAccessKeyId}", $"--MedGrpc:Auth:AccessKeys:0:SecretAccessKey={OldSecret}", $"--MedGrpc:Auth:AccessKeys:0:AccountId={Account}",
            $"--MedGrpc:Auth:AccessKeys:1:AccessKeyId={NewAccessKeyId}", $"--MedGrpc:Auth:AccessKeys:1:SecretAccessKey={NewSecret}", $"--MedGrpc:Auth:AccessKeys:1:AccountId={Account}");
        server.CreateBucket("out");
        var media = server.PutFile("media", "rotation-aws.wav", MediaFiles.GoForward);
        using var old = new SignedAwsClient($"http://127.0.0.1:{port}", OldAccessKeyId, OldSecret);
        using var @new = new SignedAwsClient($"http://127.0.0.1:{port}", NewAccessKeyId, NewSecret);

        using var started = await old.SendAsync("StartMedicalTranscriptionJob", $$"""
            {"MedicalTranscriptionJobName": "aws-rotation", "LanguageCode": "en-US", "Media": {"MediaFileUri": "{{media}}"},
             "OutputBucketName": "out", "Specialty": "PRIMARYCARE", "Type": "DICTATION"}
            """);
        using var got = await @new.SendAsync("GetMedicalTranscriptionJob", """{"MedicalTranscriptionJobName": "aws-rotation"}""");

        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        Assert.Equal(HttpStatusCode.OK, got.StatusCode);
    }

    private static JsonObject ApiKey(string key) => new() { ["AccountId"] = Account, ["Sha256"] = Hash(key) };

    private static JsonObject AccessKey(string id, string secret) => new() { ["AccessKeyId"] = id, ["SecretAccessKey"] = secret, ["AccountId"] = Account };

    private static async Task<bool> ServesAsync(TestServer server, string key)
    {
        try
        {
            await server.Jobs.ListMedicalTranscriptionJobsAsync(new ListMedicalTranscriptionJobsRequest(), Key(key));
            return true;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Unauthenticated)
        {
            return false;
        }
    }

    private static async Task<bool> SignsAsync(SignedAwsClient client)
    {
        using var response = await client.SendAsync("ListMedicalTranscriptionJobs", "{}");
        return response.IsSuccessStatusCode;
    }

    [Fact]
    public async Task An_API_key_rotated_in_the_settings_file_takes_effect_without_a_restart_and_no_call_fails_meanwhile()
    {
        using var settings = new TestSettingsFile(TestSettingsFile.Auth("ApiKeys", ApiKey(OldKey)));
        var server = await StartAsync(settings.Argument);
        var current = OldKey;
        await using var caller = new CallsMeanwhile(async () =>
            await server.Jobs.ListMedicalTranscriptionJobsAsync(new ListMedicalTranscriptionJobsRequest(), Key(Volatile.Read(ref current))));

        settings.Replace(TestSettingsFile.Auth("ApiKeys", ApiKey(OldKey), ApiKey(NewKey)));
        await Eventually.TrueAsync(() => ServesAsync(server, NewKey), "the new key serves");
        var withTheOldKey = caller.Count;
        Volatile.Write(ref current, NewKey); // the caller moves to the new key
        settings.Replace(TestSettingsFile.Auth("ApiKeys", ApiKey(NewKey)));
        await Eventually.TrueAsync(async () => !await ServesAsync(server, OldKey), "the old key is refused");
        await Task.Delay(200);
        var failures = await caller.StopAsync();

        Assert.Empty(failures);
        Assert.True(withTheOldKey > 0 && caller.Count > withTheOldKey, $"{withTheOldKey} calls with the old key, {caller.Count} in all");
        await JobAssertions.RefusedAsync(
            async () => await server.Jobs.ListMedicalTranscriptionJobsAsync(new ListMedicalTranscriptionJobsRequest(), Key(OldKey)),
            StatusCode.Unauthenticated, "UnrecognizedClientException");
    }

    [Fact]
    public async Task An_access_key_rotated_in_the_settings_file_takes_effect_without_a_restart_and_no_request_fails_meanwhile()
    {
        using var settings = new TestSettingsFile(TestSettingsFile.Auth("AccessKeys", AccessKey(OldAccessKeyId, OldSecret)));
        var port = FreePort.Next();
        await StartAsync(settings.Argument, $"--MedGrpc:AwsApi:Port={port}", "--MedGrpc:AwsApi:Host=127.0.0.1");
        using var old = new SignedAwsClient($"http://127.0.0.1:{port}", OldAccessKeyId, OldSecret);
        using var @new = new SignedAwsClient($"http://127.0.0.1:{port}", NewAccessKeyId, NewSecret);
        var current = old;
        await using var caller = new CallsMeanwhile(async () =>
        {
            using var response = await Volatile.Read(ref current).SendAsync("ListMedicalTranscriptionJobs", "{}");
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        });

        settings.Replace(TestSettingsFile.Auth("AccessKeys", AccessKey(OldAccessKeyId, OldSecret), AccessKey(NewAccessKeyId, NewSecret)));
        await Eventually.TrueAsync(() => SignsAsync(@new), "the new access key signs");
        var withTheOldKey = caller.Count;
        Volatile.Write(ref current, @new);
        settings.Replace(TestSettingsFile.Auth("AccessKeys", AccessKey(NewAccessKeyId, NewSecret)));
        await Eventually.TrueAsync(async () => !await SignsAsync(old), "the old access key is refused");
        await Task.Delay(200);
        var failures = await caller.StopAsync();

        Assert.Empty(failures);
        Assert.True(withTheOldKey > 0 && caller.Count > withTheOldKey, $"{withTheOldKey} requests with the old key, {caller.Count} in all");
        using var refused = await old.SendAsync("ListMedicalTranscriptionJobs", "{}");
        await AwsErrors.AssertAsync(refused, "UnrecognizedClientException", "security token");
    }
}
