using System.Collections.Concurrent;

namespace MedGrpc.Tests.Support;

/// <summary>A caller calling one call after another while the test changes the service under it: how many calls it made, and each that failed.</summary>
public sealed class CallsMeanwhile : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<string> _failures = new();
    private readonly Task _loop;
    private int _count;

    public CallsMeanwhile(Func<Task> call)
    {
        _loop = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                try
                {
                    await call();
                    Interlocked.Increment(ref _count);
                }
                catch (Exception e)
                {
                    _failures.Enqueue($"{e.GetType().Name}: {e.Message}");
                }
                await Task.Delay(20);
            }
        });
    }

    public int Count => Volatile.Read(ref _count);

    /// <summary>Stops calling and returns the failures, none expected.</summary>
    public async Task<IReadOnlyList<string>> StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        return [.. _failures];
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested) await StopAsync();
        _stop.Dispose();
    }
}
