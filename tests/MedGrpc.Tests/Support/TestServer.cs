using Grpc.Net.Client;
using MedGrpc.Service;
using MedGrpc.Transcribe.V1;
using Microsoft.AspNetCore.Builder;

namespace MedGrpc.Tests.Support;

/// <summary>
/// The real service on a loopback port with its own data dir, and a real gRPC client to it.
/// Restart keeps the data dir (and database and S3 server), as a process restart would. On the
/// scale-out backend it gets a PostgreSQL database and an S3 server of its own, unless it is given
/// those of another replica.
/// </summary>
public sealed class TestServer : IAsyncDisposable
{
    private WebApplication? _app;
    private GrpcChannel? _channel;
    private readonly int _workers;
    private readonly string[] _settings;
    private readonly bool _ownsS3;

    public TestServer(int workers = 2, string? dataDir = null, TestBackend? backend = null,
        string? postgres = null, S3Server? s3 = null, params string[] settings)
    {
        _workers = workers;
        _settings = settings;
        Backend = backend ?? (postgres is not null || s3 is not null ? TestBackend.ScaleOut : TestBackends.FromEnvironment);
        PostgresConnectionString = postgres;
        S3 = s3;
        _ownsS3 = s3 is null;
        DataDir = dataDir ?? Path.Combine(Path.GetTempPath(), "medgrpc-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(DataDir, "buckets"));
    }

    public TestBackend Backend { get; }

    /// <summary>The scale-out backend's database (null on the embedded one until started).</summary>
    public string? PostgresConnectionString { get; private set; }

    /// <summary>The scale-out backend's S3 server.</summary>
    public S3Server? S3 { get; private set; }

    public string DataDir { get; }

    /// <summary>Applied to the host's builder before it is built: a test adds a log capture, a certificate, ….</summary>
    public Action<WebApplicationBuilder>? Configure { get; init; }

    public string Address { get; private set; } = "";

    public MedicalTranscription.MedicalTranscriptionClient Jobs => new(Channel);

    public ObjectStore.ObjectStoreClient Objects => new(Channel);

    public GrpcChannel Channel => _channel ?? throw new InvalidOperationException("start the server first");

    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("start the server first");

    public static async Task<TestServer> StartAsync(int workers = 2, TestBackend? backend = null)
    {
        var server = new TestServer(workers, backend: backend);
        await server.StartAppAsync();
        return server;
    }

    public async Task StartAppAsync()
    {
        List<string> args =
        [
            "--urls=http://127.0.0.1:0",
            "--Kestrel:EndpointDefaults:Protocols=Http2",
            $"--MedGrpc:DataDir={DataDir}",
            $"--MedGrpc:Workers={_workers}",
            "--Logging:LogLevel:Default=Warning",
            // Running jobs are handed back at once when a test stops its server; tests of the grace period set their own.
            "--MedGrpc:ShutdownGraceSeconds=0",
            // Tests call faster than AWS's per-caller rates allow; the rate tests set their own.
            "--MedGrpc:Limits:StartRequestsPerSecond=100000",
            "--MedGrpc:Limits:GetRequestsPerSecond=100000",
            "--MedGrpc:Limits:ListRequestsPerSecond=100000",
            // Servers run side by side: none takes the default metrics or AWS endpoint port; the tests of those give theirs.
            "--MedGrpc:Metrics:Port=0",
            "--MedGrpc:AwsApi:Port=0",
        ];
        if (Backend == TestBackend.ScaleOut)
        {
            PostgresConnectionString ??= await (await PostgresServer.Shared).CreateDatabaseAsync();
            S3 ??= await S3Server.StartAsync();
            args.Add("--MedGrpc:Store=postgres");
            args.Add($"--MedGrpc:Postgres:ConnectionString={PostgresConnectionString}");
            args.AddRange(S3.ServiceArguments);
        }
        args.AddRange(_settings);
        _app = ServiceHost.Build([.. args], Configure);
        await _app.StartAsync();
        Address = _app.Urls.First();
        _channel = GrpcChannel.ForAddress(Address);
    }

    public async Task StopAppAsync()
    {
        // The app stops first, so open calls see how the server ends them.
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }
        _channel?.Dispose();
        _channel = null;
    }

    /// <summary>The bucket's folder on the embedded backend.</summary>
    public string BucketPath(string bucket) => Path.Combine(DataDir, "buckets", bucket);

    /// <summary>Copies a file into a bucket and returns its s3:// URI.</summary>
    public string PutFile(string bucket, string key, string sourcePath) => PutBytes(bucket, key, File.ReadAllBytes(sourcePath));

    public string PutBytes(string bucket, string key, byte[] content)
    {
        if (Backend == TestBackend.ScaleOut)
        {
            RequireS3().CreateBucketAsync(bucket).GetAwaiter().GetResult();
            RequireS3().PutAsync(bucket, key, content).GetAwaiter().GetResult();
        }
        else
        {
            var target = Path.Combine(BucketPath(bucket), key);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllBytes(target, content);
        }
        return $"s3://{bucket}/{key}";
    }

    public void CreateBucket(string bucket)
    {
        if (Backend == TestBackend.ScaleOut) RequireS3().CreateBucketAsync(bucket).GetAwaiter().GetResult();
        else Directory.CreateDirectory(BucketPath(bucket));
    }

    /// <summary>The object's bytes, or null when there is none.</summary>
    public byte[]? ReadObject(string bucket, string key)
    {
        if (Backend == TestBackend.ScaleOut) return RequireS3().GetAsync(bucket, key).GetAwaiter().GetResult();
        var path = Path.Combine(BucketPath(bucket), key);
        return File.Exists(path) ? File.ReadAllBytes(path) : null;
    }

    public string? ReadObjectText(string bucket, string key) => ReadObject(bucket, key) is { } bytes ? System.Text.Encoding.UTF8.GetString(bytes) : null;

    public bool ObjectExists(string bucket, string key) => ReadObject(bucket, key) is not null;

    private S3Server RequireS3() => S3 ?? throw new InvalidOperationException("start the server first: its S3 server starts with it");

    public async ValueTask DisposeAsync()
    {
        await StopAppAsync();
        if (_ownsS3 && S3 is not null) await S3.DisposeAsync();
        try { Directory.Delete(DataDir, recursive: true); }
        catch (IOException) { }
    }
}
