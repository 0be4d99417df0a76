using System.Net;
using System.Security.Cryptography;
using System.Text;
using Grpc.Core;
using MedGrpc.Tests.AwsApi;
using MedGrpc.Tests.Support;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Tests.Api;

/// <summary>
/// Rotating a key without downtime: the new key is configured beside the old one for the same account, callers move
/// to it, then the old one is removed. While both are configured, both act for the account, on either edge.
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
}
