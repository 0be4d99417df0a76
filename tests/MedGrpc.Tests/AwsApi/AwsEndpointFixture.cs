using MedGrpc.Tests.Support;

namespace MedGrpc.Tests.AwsApi;

/// <summary>
/// A real server with its AWS endpoint on a free loopback port and one access key, whose account is the one the
/// gRPC edge's loopback callers act for: what a client starts on one edge, the other sees. Media in bucket "media",
/// transcripts to bucket "out", each test with job names of its own.
/// </summary>
public sealed class AwsEndpointFixture : IAsyncLifetime
{
    public const string AccessKeyId = "AKIAMEDGRPCTEST00001";
    // A '/' and a '+', as real secrets have: they must reach the HMAC unchanged.
    public const string SecretAccessKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYMEDGRPCKEY";
    public const string Account = "000000000000";

    public TestServer Server { get; private set; } = null!;

    public int AwsPort { get; private set; }

    public string Endpoint => $"http://127.0.0.1:{AwsPort}";

    public string GoForwardUri { get; private set; } = "";

    public async Task InitializeAsync()
    {
        AwsPort = FreePort.Next();
        // The embedded backend on every run: the clients read transcripts from the buckets' folder, as users of the defaults do.
        Server = new TestServer(2, backend: TestBackend.Embedded, settings:
        [
            $"--MedGrpc:AwsApi:Port={AwsPort}",
            "--MedGrpc:AwsApi:Host=127.0.0.1",
            $"--MedGrpc:Auth:AccessKeys:0:AccessKeyId={AccessKeyId}",
            $"--MedGrpc:Auth:AccessKeys:0:SecretAccessKey={SecretAccessKey}",
            $"--MedGrpc:Auth:AccessKeys:0:AccountId={Account}",
        ]);
        await Server.StartAppAsync();
        Server.CreateBucket("out");
        GoForwardUri = Server.PutFile("media", "goforward.wav", MediaFiles.GoForward);
    }

    /// <summary>The environment an AWS client process gets: the endpoint, this key, the buckets' folder, and nothing of the machine's own AWS set-up.</summary>
    public Dictionary<string, string> ClientEnvironment(string? accessKeyId = AccessKeyId, string? secret = SecretAccessKey) => new()
    {
        ["MEDGRPC_AWS_ENDPOINT"] = Endpoint,
        ["MEDGRPC_BUCKETS"] = Path.Combine(Server.DataDir, "buckets"),
        ["AWS_ACCESS_KEY_ID"] = accessKeyId ?? "",
        ["AWS_SECRET_ACCESS_KEY"] = secret ?? "",
        ["AWS_DEFAULT_REGION"] = "eu-west-2", // any region: the scope's region is the caller's
        ["AWS_REGION"] = "eu-west-2",
        ["AWS_CONFIG_FILE"] = "/dev/null",
        ["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null",
        ["AWS_PAGER"] = "",
    };

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
