using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Google.Rpc;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using MedGrpc.Tests.Support;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Tests.Api;

/// <summary>API keys: hashed in configuration, required on every RPC but health; none configured means loopback only.</summary>
public sealed class AuthenticationTests : IAsyncLifetime
{
    private const string Key = "a-long-random-api-key-for-tests";
    private static readonly string KeyHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Key)));
    private readonly List<TestServer> _servers = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var server in _servers) await server.DisposeAsync();
    }

    private async Task<TestServer> StartAsync(params string[] settings)
    {
        var server = new TestServer(1, backend: TestBackend.Embedded, settings: settings);
        _servers.Add(server);
        await server.StartAppAsync();
        return server;
    }

    private Task<TestServer> StartWithKeyAsync() =>
        StartAsync("--MedGrpc:Auth:ApiKeys:0:AccountId=111122223333", $"--MedGrpc:Auth:ApiKeys:0:Sha256={KeyHash}");

    private static Task<ListMedicalTranscriptionJobsResponse> ListAsync(TestServer server, Metadata? headers = null) =>
        server.Jobs.ListMedicalTranscriptionJobsAsync(new ListMedicalTranscriptionJobsRequest(), headers).ResponseAsync;

    [Fact]
    public async Task A_call_without_a_key_is_unauthenticated()
    {
        var server = await StartWithKeyAsync();
        var e = await Assert.ThrowsAsync<RpcException>(() => ListAsync(server));
        Assert.Equal(StatusCode.Unauthenticated, e.StatusCode);
        Assert.Contains("authorization: Bearer KEY", e.Status.Detail);
    }

    [Fact]
    public async Task A_call_with_a_wrong_key_is_unauthenticated()
    {
        var server = await StartWithKeyAsync();
        var e = await Assert.ThrowsAsync<RpcException>(() => ListAsync(server, new Metadata { { "authorization", "Bearer not-the-key" } }));
        Assert.Equal(StatusCode.Unauthenticated, e.StatusCode);
    }

    [Fact]
    public async Task A_call_without_a_key_is_MissingAuthenticationTokenException()
    {
        var server = await StartWithKeyAsync();
        await JobAssertions.RefusedAsync(() => ListAsync(server), StatusCode.Unauthenticated, "MissingAuthenticationTokenException");
    }

    [Fact]
    public async Task A_call_with_a_wrong_key_is_UnrecognizedClientException()
    {
        var server = await StartWithKeyAsync();
        await JobAssertions.RefusedAsync(() => ListAsync(server, new Metadata { { "x-api-key", "not-the-key" } }),
            StatusCode.Unauthenticated, "UnrecognizedClientException");
    }

    [Fact]
    public async Task A_streaming_call_without_a_key_is_unauthenticated()
    {
        var server = await StartWithKeyAsync();
        var stream = server.Jobs.WatchJob(new WatchJobRequest { MedicalTranscriptionJobName = "any" }).ResponseStream;
        var e = await Assert.ThrowsAsync<RpcException>(() => stream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.Unauthenticated, e.StatusCode);
    }

    [Theory]
    [InlineData("authorization", "Bearer " + Key)]
    [InlineData("x-api-key", Key)]
    public async Task A_call_with_the_key_is_served(string header, string value)
    {
        var server = await StartWithKeyAsync();
        await ListAsync(server, new Metadata { { header, value } });
    }

    [Fact]
    public async Task Health_answers_without_a_key()
    {
        var server = await StartWithKeyAsync();
        await HealthProbe.WaitForAsync(server.Channel, HealthCheckResponse.Types.ServingStatus.Serving);
    }

    [Fact]
    public async Task A_key_list_with_a_bad_hash_stops_the_start()
    {
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync("--MedGrpc:Auth:ApiKeys:0:AccountId=1", "--MedGrpc:Auth:ApiKeys:0:Sha256=plain-text-key"));
        Assert.Contains("SHA-256", e.Message);
    }

    [Fact]
    public async Task Without_keys_a_loopback_caller_is_served()
    {
        var server = await StartAsync();
        await ListAsync(server);
    }

    [Fact]
    public async Task Without_keys_a_caller_from_another_address_is_unauthenticated()
    {
        var address = NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses).Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork)
            ?? throw new InvalidOperationException("this test needs a non-loopback IPv4 address on the machine");
        var server = await StartAsync("--urls=http://0.0.0.0:0");
        var port = new Uri(server.Address.Replace("0.0.0.0", "127.0.0.1")).Port;
        using var channel = GrpcChannel.ForAddress($"http://{address}:{port}");
        var e = await Assert.ThrowsAsync<RpcException>(() =>
            new MedicalTranscription.MedicalTranscriptionClient(channel).ListMedicalTranscriptionJobsAsync(new ListMedicalTranscriptionJobsRequest()).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, e.StatusCode);
        Assert.Equal("UnrecognizedClientException", e.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason);
        Assert.Contains("loopback callers only", e.Status.Detail);
    }
}
