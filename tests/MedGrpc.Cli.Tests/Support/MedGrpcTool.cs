using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace MedGrpc.Cli.Tests.Support;

/// <summary>
/// The real medgrpc as its own process (`dotnet MedGrpc.Cli.dll ...` from src/Cli's build output, whose path the
/// build records in this assembly; see the .csproj), with standard output and error redirected, as a script runs it.
/// </summary>
public sealed class MedGrpcTool : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private readonly Process _process;
    private readonly Task<string> _output;
    private readonly Task _errorPump;
    private readonly StringBuilder _error = new();

    public static string DllPath { get; } = typeof(MedGrpcTool).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "MedGrpcToolPath").Value!;

    private MedGrpcTool(IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment)
    {
        // Through env --default-signal=INT: a test run started in the background (as `cmd &` does) inherits
        // SIGINT ignored, and .NET then never installs its Ctrl+C handling; a user's terminal has it on.
        var start = new ProcessStartInfo("env")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--default-signal=INT");
        start.ArgumentList.Add("dotnet");
        start.ArgumentList.Add(DllPath);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        // The address under test comes from --address or from the test itself, never from the machine's environment.
        start.Environment.Remove("MEDGRPC_ADDRESS");
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>()) start.Environment[name] = value;

        _process = Process.Start(start)!;
        _process.StandardInput.Close();
        // Standard output is read whole, byte-exact (transcript --json); standard error as it comes, so a test can wait for a line.
        _output = _process.StandardOutput.ReadToEndAsync();
        _errorPump = PumpErrorAsync();
    }

    /// <summary>Runs medgrpc to its end.</summary>
    public static async Task<ToolRun> RunAsync(IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment = null)
    {
        using var tool = Start(args, environment);
        return await tool.WaitAsync();
    }

    /// <summary>Starts medgrpc and leaves it running.</summary>
    public static MedGrpcTool Start(IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment = null) => new(args, environment);

    /// <summary>What it has written to standard error so far.</summary>
    public string ErrorSoFar
    {
        get { lock (_error) return _error.ToString(); }
    }

    /// <summary>Sends a POSIX signal (INT, TERM) as a shell's kill would.</summary>
    public void Signal(string name)
    {
        using var kill = Process.Start("kill", [$"-{name}", _process.Id.ToString()]);
        kill.WaitForExit();
    }

    public async Task<ToolRun> WaitAsync()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"medgrpc did not finish within {Timeout}.\n{ErrorSoFar}");
        }
        await _errorPump;
        return new ToolRun(_process.ExitCode, await _output, ErrorSoFar);
    }

    private async Task PumpErrorAsync()
    {
        var buffer = new char[4096];
        int read;
        while ((read = await _process.StandardError.ReadAsync(buffer)) > 0)
            lock (_error) _error.Append(buffer, 0, read);
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
