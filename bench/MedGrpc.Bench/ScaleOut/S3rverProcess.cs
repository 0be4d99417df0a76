using System.Diagnostics;

namespace MedGrpc.Bench.ScaleOut;

/// <summary>
/// The S3-compatible server the replicas share: s3rver (scripts/setup.sh installs it) on a free loopback
/// port with a temporary folder and the bench's buckets made at its start; killed and removed on dispose.
/// The bench itself reaches the objects through the service's ObjectStore API.
/// </summary>
public sealed class S3rverProcess : IAsyncDisposable
{
    // s3rver's one fixed key pair: this is both its access key and its secret.
    private const string Key = "S3RVER";
    private readonly Process _process;
    private readonly string _dir;

    private S3rverProcess(Process process, string dir, string serviceUrl) => (_process, _dir, ServiceUrl) = (process, dir, serviceUrl);

    public string ServiceUrl { get; }

    public int Pid => _process.Id;

    /// <summary>The service's settings for this server.</summary>
    public IEnumerable<string> ServiceSettings =>
    [
        "--MedGrpc:Objects=s3", $"--MedGrpc:S3:ServiceUrl={ServiceUrl}",
        $"--MedGrpc:S3:AccessKey={Key}", $"--MedGrpc:S3:SecretKey={Key}", "--MedGrpc:S3:ForcePathStyle=true",
    ];

    public static async Task<S3rverProcess> StartAsync(string repo, IEnumerable<string> buckets)
    {
        var script = Path.Combine(repo, "scripts", "s3rver", "node_modules", "s3rver", "bin", "s3rver.js");
        if (!File.Exists(script)) throw new InvalidOperationException($"s3rver is not installed at {script}: run scripts/setup.sh.");
        var dir = Directory.CreateTempSubdirectory("medgrpc-bench-s3-").FullName;
        var port = ServiceProcess.FreePort();
        // s3rver 3.7 makes List continuation tokens with a cipher that OpenSSL 3 keeps in its legacy provider.
        var start = new ProcessStartInfo("node", ["--openssl-legacy-provider", script, "-d", dir, "-a", "127.0.0.1", "-p", port.ToString(), "--silent"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var bucket in buckets)
        {
            start.ArgumentList.Add("--configure-bucket");
            start.ArgumentList.Add(bucket);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start node");
        // It says so on stdout, even when silent, once it listens.
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) => { if (e.Data?.Contains("listening", StringComparison.Ordinal) == true) listening.TrySetResult(); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"[s3rver] {e.Data}"); };
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"s3rver ended with exit code {process.ExitCode}"));
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new S3rverProcess(process, dir, $"http://127.0.0.1:{port}");
        try
        {
            await listening.Task.WaitAsync(TimeSpan.FromSeconds(30));
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        try { Directory.Delete(_dir, recursive: true); }
        catch (IOException) { }
    }
}
