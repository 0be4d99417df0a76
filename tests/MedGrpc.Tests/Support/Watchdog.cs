using System.Diagnostics;

namespace MedGrpc.Tests.Support;

/// <summary>
/// Stops a server the tests started when the test process is gone, however it ended: the test host
/// may be killed before it disposes anything, and a server left running would outlive every test run.
/// </summary>
public static class Watchdog
{
    /// <summary>SIGINT to the server (and its children: runuser stands before postgres) once this process has ended.</summary>
    public static void StopWithTheTests(int serverPid)
    {
        var script = $"while kill -0 {Environment.ProcessId} 2>/dev/null && kill -0 {serverPid} 2>/dev/null; do sleep 1; done; "
            + $"pkill -INT -P {serverPid} 2>/dev/null; kill -INT {serverPid} 2>/dev/null";
        using var watchdog = Process.Start(new ProcessStartInfo("setsid", ["bash", "-c", script]) { UseShellExecute = false });
    }
}
