using System.Collections.Concurrent;

namespace MedGrpc.Service.Api;

/// <summary>
/// Request bodies that aren't the method's message are the caller's mistake (or an attack), answered as a
/// BadRequestException each; the log says so once per caller and <see cref="Interval"/>, with a count of the ones it
/// kept quiet about, and never with a stack trace: a caller sending garbage can't flood the log.
/// </summary>
public sealed class UnreadableMessageLog(ILogger<UnreadableMessageLog> log, TimeProvider clock)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    // Callers seen in the current intervals; forgotten wholesale beyond this many, so a scan from many addresses
    // can't grow the map without bound (at worst a forgotten caller is logged once more).
    private const int MaxCallers = 10_000;

    private readonly ConcurrentDictionary<string, Window> _callers = new();

    private sealed class Window(DateTimeOffset start)
    {
        public DateTimeOffset Start { get; set; } = start;
        public int Quiet;
    }

    public const string NotTheMessage = "isn't the method's protobuf message";

    /// <summary>One unreadable body from the caller (its address) on the method; what was wrong with it, by default not the method's message.</summary>
    public void Refused(string caller, string method, string problem = NotTheMessage)
    {
        var now = clock.GetUtcNow();
        if (_callers.Count >= MaxCallers) _callers.Clear();
        var window = _callers.GetOrAdd(caller, _ => new Window(DateTimeOffset.MinValue));
        int quiet;
        lock (window)
        {
            if (now - window.Start < Interval)
            {
                window.Quiet++;
                return;
            }
            quiet = window.Quiet;
            window.Start = now;
            window.Quiet = 0;
        }
        log.LogWarning(
            "Refused a request body that {Problem} from {Caller} on {Method} ({Quiet} more refused quietly in the interval before); further ones from this caller are counted, not logged, for {IntervalSeconds} s",
            problem, caller, method, quiet, Interval.TotalSeconds);
    }
}
