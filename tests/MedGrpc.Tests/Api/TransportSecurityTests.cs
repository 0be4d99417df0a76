using System.Net;
using Grpc.Core;
using Grpc.Net.Client;
using MedGrpc.Tests.AwsApi;
using MedGrpc.Tests.Support;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Tests.Api;

/// <summary>
/// TLS on both edges from Kestrel's own certificate configuration, and TLS client certificates (mTLS) as a credential
/// of an account, with certificates the test makes.
/// </summary>
public sealed class TransportSecurityTests : IAsyncLifetime
{
    private const string Password = "test-pfx-password";
    private const string CertificateAccount = "111122223333";
    private const string OtherAccount = "444455556666";
    private const string OtherKey = "an-api-key-of-another-account";
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
}
