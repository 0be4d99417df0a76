using System.Diagnostics;
using Npgsql;

namespace MedGrpc.Tests.Support;

/// <summary>
/// A real PostgreSQL server (Debian's postgresql package) in a temporary cluster on a loopback port,
/// started by the tests themselves. <see cref="Shared"/> serves every test, each in a database of its
/// own; fault tests start one of their own to stop and restart.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private static readonly Lazy<Task<PostgresServer>> SharedServer = new(async () =>
    {
        var server = await StartAsync();
        // The test host ends without disposing statics: stop the server with it.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return server;
    });
    private readonly string _dir;
    private readonly string _bin;
    private Process? _process;

    private PostgresServer(string dir, string bin, int port)
    {
        _dir = dir;
        _bin = bin;
        Port = port;
    }

    public int Port { get; }

    public static Task<PostgresServer> Shared => SharedServer.Value;

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Timeout=5;Command Timeout=30";

    /// <summary>A new empty database; its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "t" + Guid.NewGuid().ToString("N");
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public static async Task<PostgresServer> StartAsync()
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
            .Select(d => Path.Combine(d, "bin")).FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
            ?? throw new InvalidOperationException("No PostgreSQL server under /usr/lib/postgresql: run scripts/setup.sh (apt-get install postgresql).");
        var dir = Path.Combine(Path.GetTempPath(), "medgrpc-pg-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        if (Environment.UserName == "root") Run("chown", "postgres:postgres", dir);
        await RunAsPostgresAsync(Path.Combine(bin, "initdb"), "-D", Path.Combine(dir, "data"), "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8");
        var server = new PostgresServer(dir, bin, FreePort.Next());
        await server.StartProcessAsync();
        return server;
    }

    /// <summary>Starts the server process (again) on the same port and data; returns once it takes connections.</summary>
    public async Task StartProcessAsync()
    {
        _process = StartAsPostgres(Path.Combine(_bin, "postgres"), "-D", Path.Combine(_dir, "data"), "-p", Port.ToString(),
            "-k", _dir, "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "max_connections=300");
        Watchdog.StopWithTheTests(_process.Id);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
                await connection.OpenAsync();
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                await Task.Delay(50); // waiting for the server to accept connections, not for anything under test
            }
        }
    }

    /// <summary>Fast shutdown, as an operator's restart does: open connections are cut.</summary>
    public async Task StopProcessAsync()
    {
        if (_process is null) return;
        // The postmaster's own PID (runuser stands between it and us when the tests run as root).
        var pidFile = Path.Combine(_dir, "data", "postmaster.pid");
        var pid = File.Exists(pidFile) ? File.ReadLines(pidFile).First().Trim() : _process.Id.ToString();
        Run("kill", "-INT", pid);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopProcessAsync();
        try { Directory.Delete(_dir, recursive: true); }
        catch (IOException) { }
    }

    private static Process StartAsPostgres(string file, params string[] args)
    {
        var start = new ProcessStartInfo(Environment.UserName == "root" ? "runuser" : file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (Environment.UserName == "root")
        {
            // PostgreSQL refuses to run as root.
            foreach (var a in new[] { "-u", "postgres", "--", file }) start.ArgumentList.Add(a);
        }
        foreach (var a in args) start.ArgumentList.Add(a);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task RunAsPostgresAsync(string file, params string[] args)
    {
        using var process = StartAsPostgres(file, args);
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{Path.GetFileName(file)} failed with exit code {process.ExitCode}");
    }

    private static void Run(string file, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args))!;
        process.WaitForExit();
    }
}
