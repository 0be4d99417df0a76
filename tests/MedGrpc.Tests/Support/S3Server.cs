using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace MedGrpc.Tests.Support;

/// <summary>
/// A real S3-compatible server (s3rver, installed by scripts/setup.sh) on a loopback port, with its
/// own temporary data folder, and an AWSSDK client to it for the test's own uploads and reads.
/// </summary>
public sealed class S3Server : IAsyncDisposable
{
    public const string AccessKey = "S3RVER";
    public const string SecretKey = "S3RVER";
    private readonly string _dir;
    private Process? _process;

    private S3Server(string dir, int port)
    {
        _dir = dir;
        Port = port;
        Client = new AmazonS3Client(new BasicAWSCredentials(AccessKey, SecretKey), new AmazonS3Config
        {
            ServiceURL = ServiceUrl,
            ForcePathStyle = true,
            AuthenticationRegion = "us-east-1",
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        });
    }

    public int Port { get; }

    public string ServiceUrl => $"http://127.0.0.1:{Port}";

    public AmazonS3Client Client { get; }

    /// <summary>The service's settings for this server.</summary>
    public IEnumerable<string> ServiceArguments =>
    [
        "--MedGrpc:Objects=s3",
        $"--MedGrpc:S3:ServiceUrl={ServiceUrl}",
        $"--MedGrpc:S3:AccessKey={AccessKey}",
        $"--MedGrpc:S3:SecretKey={SecretKey}",
        "--MedGrpc:S3:ForcePathStyle=true",
    ];

    public static async Task<S3Server> StartAsync()
    {
        var dir = Path.Combine(Path.GetTempPath(), "medgrpc-s3-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var server = new S3Server(dir, FreePort.Next());
        await server.StartProcessAsync();
        return server;
    }

    public async Task StartProcessAsync()
    {
        var script = Path.Combine(RepositoryRoot(), "scripts", "s3rver", "node_modules", "s3rver", "bin", "s3rver.js");
        if (!File.Exists(script)) throw new InvalidOperationException($"s3rver is not installed at {script}: run scripts/setup.sh.");
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        // s3rver 3.7 makes List continuation tokens with a cipher OpenSSL 3 keeps in its legacy provider.
        start.ArgumentList.Add("--openssl-legacy-provider");
        foreach (var a in new[] { script, "-d", _dir, "-a", "127.0.0.1", "-p", Port.ToString(), "--silent" }) start.ArgumentList.Add(a);
        _process = Process.Start(start)!;
        Watchdog.StopWithTheTests(_process.Id);
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                await Task.Delay(50); // waiting for the server to listen, not for anything under test
            }
        }
    }

    /// <summary>Kills the server: the S3 service is unreachable until <see cref="StartProcessAsync"/>.</summary>
    public async Task StopProcessAsync()
    {
        if (_process is null) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    public async Task CreateBucketAsync(string bucket)
    {
        try
        {
            await Client.PutBucketAsync(new PutBucketRequest { BucketName = bucket });
        }
        catch (AmazonS3Exception e) when (e.ErrorCode is "BucketAlreadyOwnedByYou" or "BucketAlreadyExists")
        {
        }
    }

    public async Task PutAsync(string bucket, string key, byte[] content)
    {
        using var body = new MemoryStream(content);
        await Client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, InputStream = body, UseChunkEncoding = false });
    }

    public async Task<byte[]?> GetAsync(string bucket, string key)
    {
        try
        {
            using var response = await Client.GetObjectAsync(bucket, key);
            using var copy = new MemoryStream();
            await response.ResponseStream.CopyToAsync(copy);
            return copy.ToArray();
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<string>> KeysAsync(string bucket)
    {
        var response = await Client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket });
        return (response.S3Objects ?? []).Select(o => o.Key).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await StopProcessAsync();
        Client.Dispose();
        try { Directory.Delete(_dir, recursive: true); }
        catch (IOException) { }
    }

    public static string RepositoryRoot()
    {
        var dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "MedGrpc.sln"))) dir = Path.GetDirectoryName(dir);
        return dir ?? throw new InvalidOperationException("MedGrpc.sln not found above " + AppContext.BaseDirectory);
    }
}
