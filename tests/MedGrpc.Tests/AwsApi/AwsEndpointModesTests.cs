using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Grpc.Core;
using MedGrpc.Tests.Support;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Tests.AwsApi;

/// <summary>The endpoint's modes, each on a server of its own: without access keys, under a tight rate, with a store down, off.</summary>
public sealed class AwsEndpointModesTests : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _owned = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned)) await owned.DisposeAsync();
    }

    private async Task<(TestServer Server, int Port)> StartAsync(TestServer? server = null, params string[] settings)
    {
        var port = FreePort.Next();
        server ??= new TestServer(1, backend: TestBackend.Embedded, settings: [$"--MedGrpc:AwsApi:Port={port}", .. settings]);
        _owned.Add(server);
        await server.StartAppAsync();
        return (server, port);
    }

    [Fact]
    public async Task Without_access_keys_a_loopback_caller_is_served_whatever_it_signs_with_as_MedGrpc_AccountId()
    {
        var (server, port) = await StartAsync(null, "--MedGrpc:AccountId=123456789012", "--MedGrpc:AwsApi:Host=127.0.0.1");
        using var client = new SignedAwsClient($"http://127.0.0.1:{port}", "AKIAANYTHINGATALL000", "any secret");
        var media = server.PutBytes("media", "open.wav", "not a recording"u8.ToArray());
        server.CreateBucket("out");

        using var started = await client.SendAsync("StartMedicalTranscriptionJob", $$"""
            {"MedicalTranscriptionJobName": "open-job", "LanguageCode": "en-US", "Media": {"MediaFileUri": "{{media}}"},
             "OutputBucketName": "out", "Specialty": "PRIMARYCARE", "Type": "DICTATION"}
            """);
        using var unsigned = await client.SendAsync("ListMedicalTranscriptionJobs", "{}", tamper: r => r.Headers.Remove("Authorization"));

        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unsigned.StatusCode);
        // The gRPC edge's loopback callers act for the same account, so they see the job.
        var job = (await server.Jobs.GetMedicalTranscriptionJobAsync(new() { MedicalTranscriptionJobName = "open-job" })).MedicalTranscriptionJob;
        Assert.Equal("open-job", job.MedicalTranscriptionJobName);
        var arn = "arn:aws:transcribe:us-east-1:123456789012:medical-transcription-job/open-job";
        Assert.Empty((await server.Jobs.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceArn = arn })).Tags);
    }

    [Fact]
    public async Task Without_access_keys_a_caller_from_another_address_is_an_UnrecognizedClient()
    {
        var address = NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses).Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork)
            ?? throw new InvalidOperationException("this test needs a non-loopback IPv4 address on the machine");
        var (_, port) = await StartAsync(null, "--MedGrpc:AwsApi:Host=*");
        using var client = new SignedAwsClient($"http://{address}:{port}", "AKIAANYTHINGATALL000", "any secret");

        using var response = await client.SendAsync("ListMedicalTranscriptionJobs", "{}");

        await AwsErrors.AssertAsync(response, "UnrecognizedClientException", "loopback callers only");
    }

    [Fact]
    public async Task A_caller_over_its_rate_gets_LimitExceeded_and_the_rate_is_shared_with_the_gRPC_edge()
    {
        var (server, port) = await StartAsync(null, "--MedGrpc:AwsApi:Host=127.0.0.1", "--MedGrpc:Limits:ListRequestsPerSecond=1");
        using var client = new SignedAwsClient($"http://127.0.0.1:{port}", "AKIAANYTHINGATALL000", "any secret");

        using var first = await client.SendAsync("ListMedicalTranscriptionJobs", "{}");
        using var second = await client.SendAsync("ListMedicalTranscriptionJobs", "{}");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await AwsErrors.AssertAsync(second, "LimitExceededException", "requests a second");
        // The same loopback caller on the other edge has spent its second's List too.
        var e = await Assert.ThrowsAsync<RpcException>(() => server.Jobs.ListMedicalTranscriptionJobsAsync(new ListMedicalTranscriptionJobsRequest()).ResponseAsync);
        Assert.Equal(StatusCode.ResourceExhausted, e.StatusCode);
    }

    [Fact]
    public async Task A_store_out_of_reach_is_a_503_ServiceUnavailable()
    {
        var s3 = await S3Server.StartAsync();
        _owned.Add(s3);
        var port = FreePort.Next();
        var (server, _) = await StartAsync(new TestServer(1, s3: s3, settings: [$"--MedGrpc:AwsApi:Port={port}", "--MedGrpc:AwsApi:Host=127.0.0.1", "--MedGrpc:S3:Retries=1"]));
        server.CreateBucket("out");
        var media = server.PutBytes("media", "down.wav", "not a recording"u8.ToArray());
        await s3.StopProcessAsync();
        using var client = new SignedAwsClient($"http://127.0.0.1:{port}", "AKIAANYTHINGATALL000", "any secret");

        using var response = await client.SendAsync("StartMedicalTranscriptionJob", $$"""
            {"MedicalTranscriptionJobName": "store-down", "LanguageCode": "en-US", "Media": {"MediaFileUri": "{{media}}"},
             "OutputBucketName": "out", "Specialty": "PRIMARYCARE", "Type": "DICTATION"}
            """);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("ServiceUnavailableException", response.Headers.GetValues("x-amzn-ErrorType").Single());
        Assert.Contains("\"__type\":\"ServiceUnavailableException\"", body);
    }

    [Fact]
    public async Task Port_0_turns_the_endpoint_off_and_the_gRPC_edge_keeps_its_address()
    {
        var server = new TestServer(1, backend: TestBackend.Embedded);
        _owned.Add(server);
        await server.StartAppAsync();

        Assert.Equal([server.Address], Addresses(server));
        await server.Jobs.ListMedicalTranscriptionJobsAsync(new ListMedicalTranscriptionJobsRequest());
    }

    [Fact]
    public async Task The_AWS_endpoint_listens_beside_the_gRPC_address_given_by_urls()
    {
        var (server, port) = await StartAsync(null, "--MedGrpc:AwsApi:Host=127.0.0.1");

        var addresses = Addresses(server);
        Assert.Equal(2, addresses.Count);
        Assert.Equal(server.Address, addresses[0]);
        Assert.Equal($"http://127.0.0.1:{port}", addresses[1]);
        // gRPC (h2c) on the first, AWS (HTTP/1.1) on the second.
        await server.Jobs.ListMedicalTranscriptionJobsAsync(new ListMedicalTranscriptionJobsRequest());
        using var client = new SignedAwsClient($"http://127.0.0.1:{port}", "AKIAANYTHINGATALL000", "any secret");
        using var listed = await client.SendAsync("ListMedicalTranscriptionJobs", "{}");
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
    }

    [Fact]
    public async Task With_Https_the_endpoint_serves_TLS_with_Kestrels_default_certificate()
    {
        using var key = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=127.0.0.1", key,
            System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var pfx = Path.Combine(Path.GetTempPath(), "medgrpc-tests", $"{Guid.NewGuid():N}.pfx");
        Directory.CreateDirectory(Path.GetDirectoryName(pfx)!);
        await File.WriteAllBytesAsync(pfx, certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, "test-password"));
        try
        {
            var (_, port) = await StartAsync(null, "--MedGrpc:AwsApi:Host=127.0.0.1", "--MedGrpc:AwsApi:Https=true",
                $"--Kestrel:Certificates:Default:Path={pfx}", "--Kestrel:Certificates:Default:Password=test-password");
            string? served = null;
            using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, cert, _, _) => (served = cert?.Thumbprint) is not null };
            using var client = new SignedAwsClient($"https://127.0.0.1:{port}", "AKIAANYTHINGATALL000", "any secret", handler);

            using var listed = await client.SendAsync("ListMedicalTranscriptionJobs", "{}");

            Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
            Assert.Equal(certificate.Thumbprint, served);
        }
        finally
        {
            File.Delete(pfx);
        }
    }

    private static List<string> Addresses(TestServer server) =>
        Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>(server.Services)
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.ToList();
}
