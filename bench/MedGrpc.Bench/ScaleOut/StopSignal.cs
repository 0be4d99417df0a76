using System.Runtime.InteropServices;

namespace MedGrpc.Bench.ScaleOut;

/// <summary>
/// Ctrl-C (SIGINT) and SIGTERM cancel the run instead of ending the process at once, so that what the
/// bench started (replicas, s3rver, PostgreSQL) is stopped on the way out. A second signal ends it at once.
/// </summary>
public sealed class StopSignal : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly PosixSignalRegistration[] _registrations;
    private readonly string _bench;

    /// <param name="bench">The mode's name, for the message.</param>
    public StopSignal(string bench = "load-scaleout")
    {
        _bench = bench;
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal), PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal)];
    }

    public CancellationToken Token => _stop.Token;

    private void OnSignal(PosixSignalContext context)
    {
        if (_stop.IsCancellationRequested) return; // the second one: the default action ends the process
        context.Cancel = true;
        Console.Error.WriteLine($"{_bench}: {context.Signal}, stopping the replicas, s3rver and PostgreSQL (again to end at once)");
        // Off the signal thread: the cancellation callbacks run the whole unwinding.
        _ = Task.Run(_stop.Cancel);
    }

    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
        _stop.Dispose();
    }
}
