using System.Diagnostics;
using System.Globalization;

namespace MedGrpc.Bench.ScaleOut;

/// <summary>
/// A throwaway PostgreSQL cluster (Debian's postgresql package) for the replicas to share: initdb into
/// a temporary folder, pg_ctl on a free loopback port; stopped and removed on dispose. As root both run
/// as the postgres user, since PostgreSQL refuses to run as root.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private static readonly bool IsRoot = Environment.UserName == "root";
    private readonly string _dir;
    private readonly string _bin;
    private bool _running;

    private PostgresCluster(string dir, string bin, int port)
    {
        _dir = dir;
        _bin = bin;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Timeout=5;Command Timeout=30";

    private string DataDir => Path.Combine(_dir, "data");

    private string LogFile => Path.Combine(_dir, "postgres.log");

    public static async Task<PostgresCluster> StartAsync()
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql")
            .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var version) ? version : 0)
            .Select(d => Path.Combine(d, "bin"))
            .FirstOrDefault(d => File.Exists(Path.Combine(d, "pg_ctl")))
            ?? throw new InvalidOperationException("No PostgreSQL under /usr/lib/postgresql: run scripts/setup.sh.");
        var dir = Directory.CreateTempSubdirectory("medgrpc-bench-pg-").FullName;
        var cluster = new PostgresCluster(dir, bin, ServiceProcess.FreePort());
        try
        {
            if (IsRoot) await cluster.RunAsync("chown", ["postgres:postgres", dir]);
            await cluster.RunAsPostgresAsync("initdb", "-D", cluster.DataDir, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8");
            await cluster.StartServerAsync();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Stops the server as a crash would (immediate: no checkpoint, every connection cut) and starts it again on the same
    /// port and data; returns once it accepts connections. The server recovers from its write-ahead log at the start.
    /// </summary>
    public async Task RestartAsync()
    {
        _running = false;
        await RunAsPostgresAsync("pg_ctl", "-D", DataDir, "-m", "immediate", "-w", "-t", "60", "stop");
        await StartServerAsync();
    }

    private async Task StartServerAsync()
    {
        // fsync off: the bench measures the service, not the disk (an immediate stop loses nothing the OS holds).
        // 300 connections: two replicas' pools and the notification listeners.
        await RunAsPostgresAsync("pg_ctl", "-D", DataDir, "-l", LogFile, "-w", "-t", "60", "-o",
            $"-p {Port} -k {_dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300", "start");
        _running = true;
    }

    /// <summary>CPU seconds of the postmaster, its live backends and those it has reaped.</summary>
    public double CpuSeconds() => ProcessCpu.WithLiveChildren(PostmasterPid());

    private int PostmasterPid() =>
        int.Parse(File.ReadLines(Path.Combine(DataDir, "postmaster.pid")).First().Trim(), CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        if (_running)
        {
            _running = false;
            try
            {
                await RunAsPostgresAsync("pg_ctl", "-D", DataDir, "-m", "fast", "-w", "-t", "60", "stop");
            }
            catch (InvalidOperationException e)
            {
                // Already gone (a Ctrl-C reached it too): nothing is left to stop.
                Console.Error.WriteLine($"[postgres] {e.Message}");
            }
        }
        try { Directory.Delete(_dir, recursive: true); }
        catch (IOException) { }
    }

    private Task RunAsPostgresAsync(string tool, params string[] args)
    {
        var file = Path.Combine(_bin, tool);
        return IsRoot ? RunAsync("runuser", ["-u", "postgres", "--", file, .. args]) : RunAsync(file, args);
    }

    private async Task RunAsync(string file, string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        // pg_ctl's server keeps no pipe of ours open (its output goes to the log), so reading to the end returns.
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode == 0) return;
        var log = File.Exists(LogFile) ? string.Join('\n', File.ReadLines(LogFile).TakeLast(10)) : "";
        throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {await errors}{await output}\n{log}");
    }
}
