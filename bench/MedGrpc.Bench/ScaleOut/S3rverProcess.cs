using System.Diagnostics;

namespace MedGrpc.Bench.ScaleOut;

/// <summary>
/// The S3-compatible server the replicas share: s3rver (scripts/setup.sh installs it) on a free loopback
/// port with a temporary folder and the bench's buckets made at its start; killed and removed on dispose.
/// It can be killed and started again on the same port and folder (the chaos bench's restarts).
/// The bench itself reaches the objects through the service's ObjectStore API.
/// </summary>
public sealed class S3rverProcess : IAsyncDisposable
{
    // s3rver's one fixed key pair: this is both its access key and its secret.
    private const string Key = "S3RVER";
    private readonly string _script;
    private readonly string[] _buckets;
    private readonly int _port;
    private readonly Action<string>? _requests;
    private Process _process;

    private S3rverProcess(string script, string dir, int port, string[] buckets, Action<string>? requests, Process process)
    {
        (_script, Dir, _port, _buckets, _requests, _process) = (script, dir, port, buckets, requests, process);
        ServiceUrl = $"http://127.0.0.1:{port}";
    }

    public string ServiceUrl { get; }

    /// <summary>s3rver's folder: one folder per bucket, each object a file beside its metadata.</summary>
    public string Dir { get; }

    public int Pid => _process.Id;

    /// <summary>The service's settings for this server.</summary>
    public IEnumerable<string> ServiceSettings =>
    [
        "--MedGrpc:Objects=s3", $"--MedGrpc:S3:ServiceUrl={ServiceUrl}",
        $"--MedGrpc:S3:AccessKey={Key}", $"--MedGrpc:S3:SecretKey={Key}", "--MedGrpc:S3:ForcePathStyle=true",
    ];

    /// <param name="requests">Takes s3rver's log line of each request answered ("PUT /bucket/key 200 …"); without it, s3rver runs silent.</param>
    public static async Task<S3rverProcess> StartAsync(string repo, IEnumerable<string> buckets, Action<string>? requests = null)
    {
        var script = Path.Combine(repo, "scripts", "s3rver", "node_modules", "s3rver", "bin", "s3rver.js");
        if (!File.Exists(script)) throw new InvalidOperationException($"s3rver is not installed at {script}: run scripts/setup.sh.");
        var dir = Directory.CreateTempSubdirectory("medgrpc-bench-s3-").FullName;
        var port = ServiceProcess.FreePort();
        string[] names = [.. buckets];
        var process = Launch(script, dir, port, names, requests, out var listening);
        var server = new S3rverProcess(script, dir, port, names, requests, process);
        try
        {
            await listening.WaitAsync(TimeSpan.FromSeconds(60));
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>SIGKILL, then the server again on the same port and folder; returns once it listens.</summary>
    public async Task RestartAsync()
    {
        Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = Launch(_script, Dir, _port, _buckets, _requests, out var listening);
        await listening.WaitAsync(TimeSpan.FromSeconds(60));
    }

    private static Process Launch(string script, string dir, int port, string[] buckets, Action<string>? requests, out Task listening)
    {
        // s3rver 3.7 makes List continuation tokens with a cipher that OpenSSL 3 keeps in its legacy provider.
        var start = new ProcessStartInfo("node", ["--openssl-legacy-provider", script, "-d", dir, "-a", "127.0.0.1", "-p", port.ToString()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (requests is null) start.ArgumentList.Add("--silent");
        // Buckets that exist already (a restart's) are kept as they are.
        foreach (var bucket in buckets)
        {
            start.ArgumentList.Add("--configure-bucket");
            start.ArgumentList.Add(bucket);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start node");
        // It says so on stdout, even when silent, once it listens.
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            if (e.Data.Contains("listening", StringComparison.Ordinal)) ready.TrySetResult();
            else requests?.Invoke(e.Data);
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"[s3rver] {e.Data}"); };
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException($"s3rver ended with exit code {process.ExitCode}"));
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        listening = ready.Task;
        return process;
    }

    private void Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
        try { Directory.Delete(Dir, recursive: true); }
        catch (IOException) { }
    }
}
