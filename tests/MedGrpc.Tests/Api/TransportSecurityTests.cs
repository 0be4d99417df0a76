using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Grpc.Core;
using Grpc.Net.Client;
using MedGrpc.Tests.AwsApi;
using MedGrpc.Tests.Support;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Tests.Api;

/// <summary>
/// TLS on both edges from Kestrel's own certificate configuration, TLS client certificates (mTLS) as a credential of an
/// account on both edges, and certificates changed while the service runs, with certificates the test makes.
/// </summary>
public sealed class TransportSecurityTests : IAsyncLifetime
{
    private const string Password = "test-pfx-password";
    private const string CertificateAccount = "111122223333";
    private const string OtherAccount = "444455556666";
    private const string OtherKey = "an-api-key-of-another-account";
    private const string CertificateAccessKeyId = "AKIAMEDGRPCCERTACCT1";
    private const string CertificateSecret = "secret/of+the/certificate/account00000";
    private const string OtherAccessKeyId = "AKIAMEDGRPCOTHERACC1";
    private const string OtherSecret = "secret/of+another/account/000000000000";
    private readonly string _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "medgrpc-tests", Guid.NewGuid().ToString("N"))).FullName;
    private readonly List<TestServer> _servers = [];
    private readonly List<string> _presented = [];
    private X509Certificate2Holder _server = null!;

    private sealed record X509Certificate2Holder(System.Security.Cryptography.X509Certificates.X509Certificate2 Certificate, string PfxPath);

    public Task InitializeAsync()
    {
        var pfx = Path.Combine(_folder, "server.pfx");
        _server = new X509Certificate2Holder(TestCertificates.Server(pfx, Password), pfx);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var server in _servers) await server.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<TestServer> StartAsync(params string[] settings)
    {
        var server = new TestServer(1, backend: TestBackend.Embedded, settings:
        [
            "--urls=https://127.0.0.1:0",
            $"--Kestrel:Certificates:Default:Path={_server.PfxPath}",
            $"--Kestrel:Certificates:Default:Password={Password}",
            .. settings,
        ]);
        _servers.Add(server);
        await server.StartAppAsync();
        return server;
    }

    private GrpcChannel Channel(TestServer server, System.Security.Cryptography.X509Certificates.X509Certificate2? client = null) =>
        GrpcChannel.ForAddress(server.Address, new GrpcChannelOptions { HttpHandler = TestCertificates.PinnedHandler(_server.Certificate, _presented, client) });

    private Task<TestServer> StartWithClientCertificateAsync(System.Security.Cryptography.X509Certificates.X509Certificate2 client) => StartAsync(
        $"--MedGrpc:Auth:ClientCertificates:0:Thumbprint={TestCertificates.Thumbprint(client)}",
        $"--MedGrpc:Auth:ClientCertificates:0:AccountId={CertificateAccount}",
        $"--MedGrpc:Auth:ApiKeys:0:Sha256={Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(OtherKey)))}",
        $"--MedGrpc:Auth:ApiKeys:0:AccountId={OtherAccount}");

    [Fact]
    public async Task The_gRPC_edge_serves_TLS_with_the_certificate_of_Kestrels_configuration()
    {
        var server = await StartAsync();
        Assert.StartsWith("https://", server.Address);
        using var channel = Channel(server);

        await new MedicalTranscription.MedicalTranscriptionClient(channel).ListMedicalTranscriptionJobsAsync(new ListMedicalTranscriptionJobsRequest());

        Assert.Equal(TestCertificates.Thumbprint(_server.Certificate), Assert.Single(_presented.Distinct()));
    }

    [Fact]
    public async Task The_AWS_endpoint_serves_HTTPS_with_the_same_certificate()
    {
        var port = FreePort.Next();
        await StartAsync($"--MedGrpc:AwsApi:Port={port}", "--MedGrpc:AwsApi:Https=true");
        using var client = new SignedAwsClient($"https://localhost:{port}", AwsEndpointFixture.AccessKeyId, AwsEndpointFixture.SecretAccessKey,
            TestCertificates.PinnedHandler(_server.Certificate, _presented));

        using var response = await client.SendAsync("ListMedicalTranscriptionJobs", "{}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TestCertificates.Thumbprint(_server.Certificate), Assert.Single(_presented.Distinct()));
    }

    [Fact]
    public async Task A_pinned_client_certificate_acts_for_its_account_without_an_API_key()
    {
        using var certificate = TestCertificates.Client("clinic-a");
        var server = await StartWithClientCertificateAsync(certificate);
        server.CreateBucket("out");
        var media = server.PutFile("media", "mtls.wav", MediaFiles.GoForward);
        using var channel = Channel(server, certificate);
        var jobs = new MedicalTranscription.MedicalTranscriptionClient(channel);

        await jobs.StartMedicalTranscriptionJobAsync(Requests.Dictation("mtls-job", media));

        // The job is the certificate's account's: its ARN names that account.
        await jobs.ListTagsForResourceAsync(new ListTagsForResourceRequest
        {
            ResourceArn = $"arn:aws:transcribe:us-east-1:{CertificateAccount}:medical-transcription-job/mtls-job",
        });
        // Another account's key sees nothing of it.
        using var other = Channel(server);
        var e = await Assert.ThrowsAsync<RpcException>(() => new MedicalTranscription.MedicalTranscriptionClient(other)
            .GetMedicalTranscriptionJobAsync(new GetMedicalTranscriptionJobRequest { MedicalTranscriptionJobName = "mtls-job" }, new Metadata { { "x-api-key", OtherKey } }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
    }

    [Fact]
    public async Task A_client_certificate_that_is_not_pinned_is_UnrecognizedClientException()
    {
        using var pinned = TestCertificates.Client("clinic-a");
        using var stranger = TestCertificates.Client("clinic-a"); // the same name, another key
        var server = await StartWithClientCertificateAsync(pinned);
        using var channel = Channel(server, stranger);

        await JobAssertions.RefusedAsync(
            async () => await new MedicalTranscription.MedicalTranscriptionClient(channel).ListMedicalTranscriptionJobsAsync(new ListMedicalTranscriptionJobsRequest()),
            StatusCode.Unauthenticated, "UnrecognizedClientException");
    }

    [Fact]
    public async Task Without_a_certificate_or_a_key_a_caller_is_MissingAuthenticationTokenException()
    {
        using var pinned = TestCertificates.Client("clinic-a");
        var server = await StartWithClientCertificateAsync(pinned);
        using var channel = Channel(server);

        await JobAssertions.RefusedAsync(
            async () => await new MedicalTranscription.MedicalTranscriptionClient(channel).ListMedicalTranscriptionJobsAsync(new ListMedicalTranscriptionJobsRequest()),
            StatusCode.Unauthenticated, "MissingAuthenticationTokenException");
    }

    /// <summary>The client certificate's account and another, each with an access key, on an HTTPS AWS endpoint.</summary>
    private async Task<(TestServer Server, string Endpoint)> StartAwsWithClientCertificateAsync(X509Certificate2 client)
    {
        var port = FreePort.Next();
        var server = await StartAsync(
            $"--MedGrpc:AwsApi:Port={port}", "--MedGrpc:AwsApi:Https=true",
            $"--MedGrpc:Auth:ClientCertificates:0:Thumbprint={TestCertificates.Thumbprint(client)}",
            $"--MedGrpc:Auth:ClientCertificates:0:AccountId={CertificateAccount}",
            $"--MedGrpc:Auth:AccessKeys:0:AccessKeyId={CertificateAccessKeyId}", $"--MedGrpc:Auth:AccessKeys:0:SecretAccessKey={CertificateSecret}",
            $"--MedGrpc:Auth:AccessKeys:0:AccountId={CertificateAccount}",
            $"--MedGrpc:Auth:AccessKeys:1:AccessKeyId={OtherAccessKeyId}", $"--MedGrpc:Auth:AccessKeys:1:SecretAccessKey={OtherSecret}",
            $"--MedGrpc:Auth:AccessKeys:1:AccountId={OtherAccount}");
        server.CreateBucket("out");
        return (server, $"https://localhost:{port}");
    }

    private static void Unsigned(HttpRequestMessage request) => request.Headers.Remove("Authorization");

    private static string StartJson(string name, string media) => $$"""
        {"MedicalTranscriptionJobName": "{{name}}", "LanguageCode": "en-US", "Media": {"MediaFileUri": "{{media}}"},
         "OutputBucketName": "out", "Specialty": "PRIMARYCARE", "Type": "DICTATION"}
        """;

    [Fact]
    public async Task On_the_AWS_endpoint_a_pinned_client_certificate_acts_for_its_account_without_a_signature()
    {
        using var certificate = TestCertificates.Client("clinic-a");
        var (server, endpoint) = await StartAwsWithClientCertificateAsync(certificate);
        var media = server.PutBytes("media", "aws-mtls.wav", "not a recording"u8.ToArray());
        using var aws = new SignedAwsClient(endpoint, "AKIAANYTHINGATALL000", "unused", TestCertificates.PinnedHandler(_server.Certificate, _presented, certificate));

        using var started = await aws.SendAsync("StartMedicalTranscriptionJob", StartJson("aws-mtls-job", media), tamper: Unsigned);

        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        // The job is the certificate's account's: the same certificate finds it on the gRPC edge, by its account's ARN.
        using var channel = Channel(server, certificate);
        await new MedicalTranscription.MedicalTranscriptionClient(channel).ListTagsForResourceAsync(new ListTagsForResourceRequest
        {
            ResourceArn = $"arn:aws:transcribe:us-east-1:{CertificateAccount}:medical-transcription-job/aws-mtls-job",
        });
    }

    [Fact]
    public async Task On_the_AWS_endpoint_a_signature_beside_a_pinned_certificate_by_a_key_of_another_account_is_UnrecognizedClientException()
    {
        using var certificate = TestCertificates.Client("clinic-a");
        var (_, endpoint) = await StartAwsWithClientCertificateAsync(certificate);
        using var aws = new SignedAwsClient(endpoint, OtherAccessKeyId, OtherSecret, TestCertificates.PinnedHandler(_server.Certificate, _presented, certificate));

        using var response = await aws.SendAsync("ListMedicalTranscriptionJobs", "{}");

        await AwsErrors.AssertAsync(response, "UnrecognizedClientException", "another account");
    }

    [Fact]
    public async Task On_the_AWS_endpoint_a_client_certificate_not_pinned_is_UnrecognizedClientException_whatever_signs()
    {
        using var pinned = TestCertificates.Client("clinic-a");
        using var stranger = TestCertificates.Client("clinic-a");
        var (_, endpoint) = await StartAwsWithClientCertificateAsync(pinned);
        using var aws = new SignedAwsClient(endpoint, CertificateAccessKeyId, CertificateSecret, TestCertificates.PinnedHandler(_server.Certificate, _presented, stranger));

        using var response = await aws.SendAsync("ListMedicalTranscriptionJobs", "{}");

        await AwsErrors.AssertAsync(response, "UnrecognizedClientException", "MedGrpc:Auth:ClientCertificates");
    }

    [Fact]
    public async Task Boto3_with_a_client_certificate_and_no_credentials_acts_for_the_certificates_account()
    {
        using var certificate = TestCertificates.Client("clinic-a");
        var (server, endpoint) = await StartAwsWithClientCertificateAsync(certificate);
        var media = server.PutBytes("media", "boto3-mtls.wav", "not a recording"u8.ToArray());
        string clientPem = Path.Combine(_folder, "client.pem"), clientKey = Path.Combine(_folder, "client.key"), serverPem = Path.Combine(_folder, "server.pem");
        TestCertificates.WritePem(certificate, clientPem, clientKey);
        TestCertificates.WritePem(_server.Certificate, serverPem);
        var environment = new Dictionary<string, string>
        {
            ["MEDGRPC_AWS_ENDPOINT"] = endpoint,
            ["AWS_DEFAULT_REGION"] = "eu-west-2",
            ["AWS_CONFIG_FILE"] = "/dev/null",
            ["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null",
        };

        var report = await AwsClients.Boto3Async(environment, "mtls", clientPem, clientKey, serverPem, "boto3-mtls-job", media, "out",
            CertificateAccessKeyId, CertificateSecret, OtherAccessKeyId, OtherSecret);

        Assert.Equal("boto3-mtls-job", (string?)report["started"]!["MedicalTranscriptionJobName"]);
        Assert.Equal(["boto3-mtls-job"], report["listed"]!.AsArray().Select(n => (string)n!));
        Assert.Equal("accepted", (string?)report["signed by its account"]);
        Assert.Equal("UnrecognizedClientException", (string?)report["signed by another account"]);
        Assert.Equal("MissingAuthenticationTokenException", (string?)report["no certificate, unsigned"]);
        // The job is the certificate's account's.
        using var channel = Channel(server, certificate);
        var job = await new MedicalTranscription.MedicalTranscriptionClient(channel)
            .GetMedicalTranscriptionJobAsync(new GetMedicalTranscriptionJobRequest { MedicalTranscriptionJobName = "boto3-mtls-job" });
        Assert.Equal("boto3-mtls-job", job.MedicalTranscriptionJob.MedicalTranscriptionJobName);
    }

    [Fact]
    public async Task A_client_certificate_pinned_in_the_settings_file_is_admitted_without_a_restart()
    {
        using var certificate = TestCertificates.Client("clinic-b");
        var otherKey = new JsonObject { ["AccountId"] = OtherAccount, ["Sha256"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(OtherKey))) };
        using var settings = new TestSettingsFile(TestSettingsFile.Auth("ApiKeys", otherKey));
        var server = await StartAsync(settings.Argument);
        using var channel = Channel(server, certificate);
        var jobs = new MedicalTranscription.MedicalTranscriptionClient(channel);
        await JobAssertions.RefusedAsync(async () => await jobs.ListMedicalTranscriptionJobsAsync(new ListMedicalTranscriptionJobsRequest()),
            StatusCode.Unauthenticated, "MissingAuthenticationTokenException");

        var pinned = TestSettingsFile.Auth("ClientCertificates", new JsonObject { ["Thumbprint"] = TestCertificates.Thumbprint(certificate), ["AccountId"] = CertificateAccount });
        pinned["MedGrpc"]!["Auth"]!["ApiKeys"] = new JsonArray(otherKey.DeepClone());
        settings.Replace(pinned);

        await Eventually.TrueAsync(async () =>
        {
            try { await jobs.ListMedicalTranscriptionJobsAsync(new ListMedicalTranscriptionJobsRequest()); return true; }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unauthenticated) { return false; }
        }, "the certificate pinned in the file is admitted");
    }

    /// <summary>A handler of its own per call, so each call is a new connection and a new TLS handshake; trusts any of the certificates given.</summary>
    private HttpClientHandler Trusting(params X509Certificate2[] servers) => new()
    {
        ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
        {
            if (certificate is null) return false;
            lock (_presented) _presented.Add(TestCertificates.Thumbprint(certificate));
            return servers.Any(s => TestCertificates.Thumbprint(s) == TestCertificates.Thumbprint(certificate));
        },
    };

    [Fact]
    public async Task A_server_certificate_renewed_over_its_file_is_served_to_new_connections_without_a_restart_and_no_call_fails()
    {
        var server = await StartAsync();
        var renewedPath = Path.Combine(_folder, "renewed.pfx");
        using var renewed = TestCertificates.Server(renewedPath, Password);
        await using var caller = new CallsMeanwhile(async () =>
        {
            using var channel = GrpcChannel.ForAddress(server.Address, new GrpcChannelOptions { HttpHandler = Trusting(_server.Certificate, renewed), DisposeHttpClient = true });
            await new MedicalTranscription.MedicalTranscriptionClient(channel).ListMedicalTranscriptionJobsAsync(new ListMedicalTranscriptionJobsRequest());
        });
        await Eventually.TrueAsync(() => Task.FromResult(caller.Count > 0), "a call over the first certificate");

        // As a renewal is deployed: the new file renamed over the one Kestrel:Certificates:Default names.
        File.Move(renewedPath, _server.PfxPath, overwrite: true);
        await Eventually.TrueAsync(() => Task.FromResult(Presented().Contains(TestCertificates.Thumbprint(renewed))), "the renewed certificate presented");
        var calls = caller.Count;
        await Eventually.TrueAsync(() => Task.FromResult(caller.Count > calls + 3), "calls over the renewed certificate");
        var failures = await caller.StopAsync();

        Assert.Empty(failures);
        Assert.Equal(TestCertificates.Thumbprint(renewed), Presented()[^1]);
    }

    [Fact]
    public async Task A_server_certificate_named_anew_in_the_settings_file_is_served_by_the_AWS_endpoint_without_a_restart()
    {
        using var settings = new TestSettingsFile(new JsonObject
        {
            ["Kestrel"] = new JsonObject { ["Certificates"] = new JsonObject { ["Default"] = new JsonObject { ["Path"] = _server.PfxPath, ["Password"] = Password } } },
        });
        var port = FreePort.Next();
        var server = new TestServer(1, backend: TestBackend.Embedded, settings: ["--urls=https://127.0.0.1:0", settings.Argument, $"--MedGrpc:AwsApi:Port={port}", "--MedGrpc:AwsApi:Https=true"]);
        _servers.Add(server);
        await server.StartAppAsync();
        // The new one as a PEM pair this time, as a certificate authority's tools write it.
        using var next = TestCertificates.Server(Path.Combine(_folder, "next.pfx"), Password);
        string nextPem = Path.Combine(_folder, "next.crt"), nextKey = Path.Combine(_folder, "next.key");
        TestCertificates.WritePem(next, nextPem, nextKey);
        async Task<HttpStatusCode> ListAsync()
        {
            using var aws = new SignedAwsClient($"https://localhost:{port}", AwsEndpointFixture.AccessKeyId, AwsEndpointFixture.SecretAccessKey, Trusting(_server.Certificate, next));
            using var response = await aws.SendAsync("ListMedicalTranscriptionJobs", "{}");
            return response.StatusCode;
        }
        Assert.Equal(HttpStatusCode.OK, await ListAsync());
        Assert.Equal(TestCertificates.Thumbprint(_server.Certificate), Presented()[^1]);

        settings.Replace(new JsonObject
        {
            ["Kestrel"] = new JsonObject { ["Certificates"] = new JsonObject { ["Default"] = new JsonObject { ["Path"] = nextPem, ["KeyPath"] = nextKey } } },
        });

        await Eventually.TrueAsync(async () => await ListAsync() == HttpStatusCode.OK && Presented()[^1] == TestCertificates.Thumbprint(next),
            "the certificate the settings file names now is presented");
    }

    private List<string> Presented()
    {
        lock (_presented) return [.. _presented];
    }
}
