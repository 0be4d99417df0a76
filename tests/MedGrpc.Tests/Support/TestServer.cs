using Grpc.Net.Client;
using MedGrpc.Service;
using MedGrpc.Transcribe.V1;
using Microsoft.AspNetCore.Builder;

namespace MedGrpc.Tests.Support;

/// <summary>
/// The real service on a loopback port with its own data dir, and a real gRPC client to it.
/// Restart keeps the data dir, as a process restart would.
/// </summary>
public sealed class TestServer : IAsyncDisposable
{
    private WebApplication? _app;
    private GrpcChannel? _channel;
    private readonly int _workers;

    public TestServer(int workers = 2, string? dataDir = null)
    {
        _workers = workers;
        DataDir = dataDir ?? Path.Combine(Path.GetTempPath(), "medgrpc-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(DataDir, "buckets"));
    }

    public string DataDir { get; }

    public string Address { get; private set; } = "";

    public MedicalTranscription.MedicalTranscriptionClient Jobs => new(Channel);

    public ObjectStore.ObjectStoreClient Objects => new(Channel);

    public GrpcChannel Channel => _channel ?? throw new InvalidOperationException("start the server first");

    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("start the server first");

    public static async Task<TestServer> StartAsync(int workers = 2)
    {
        var server = new TestServer(workers);
        await server.StartAppAsync();
        return server;
    }

    public async Task StartAppAsync()
    {
        _app = ServiceHost.Build(
        [
            "--urls=http://127.0.0.1:0",
            "--Kestrel:EndpointDefaults:Protocols=Http2",
            $"--MedGrpc:DataDir={DataDir}",
            $"--MedGrpc:Workers={_workers}",
            "--Logging:LogLevel:Default=Warning",
        ]);
        await _app.StartAsync();
        Address = _app.Urls.First();
        _channel = GrpcChannel.ForAddress(Address);
    }

    public async Task StopAppAsync()
    {
        _channel?.Dispose();
        _channel = null;
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }
    }

    public string BucketPath(string bucket) => Path.Combine(DataDir, "buckets", bucket);

    /// <summary>Copies a file into a bucket and returns its s3:// URI.</summary>
    public string PutFile(string bucket, string key, string sourcePath)
    {
        var target = Path.Combine(BucketPath(bucket), key);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(sourcePath, target, overwrite: true);
        return $"s3://{bucket}/{key}";
    }

    public void CreateBucket(string bucket) => Directory.CreateDirectory(BucketPath(bucket));

    public async ValueTask DisposeAsync()
    {
        await StopAppAsync();
        try { Directory.Delete(DataDir, recursive: true); }
        catch (IOException) { }
    }
}
