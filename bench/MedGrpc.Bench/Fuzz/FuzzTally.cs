using System.Collections.Concurrent;

namespace MedGrpc.Bench.Fuzz;

/// <summary>The kind of request: well-formed, one field outside the contract, or bytes and headers an attacker would send.</summary>
public enum RequestKind
{
    Valid,
    NearValid,
    Hostile,
}

/// <summary>
/// Answers counted by edge, kind and outcome (a gRPC status name, an AWS error name with its HTTP status, or the HTTP
/// status of an answer that is neither), and the first failures kept with what reproduces them.
/// </summary>
public sealed class FuzzTally
{
    private const int MaxSamples = 20;

    private readonly ConcurrentDictionary<(string Kind, string Outcome), long> _counts = new();
    private readonly ConcurrentDictionary<(string Method, string Outcome), long> _byMethod = new();
    private readonly ConcurrentQueue<string> _samples = new();
    private long _failures;
    private long _total;

    public long Total => Interlocked.Read(ref _total);
    public long Failures => Interlocked.Read(ref _failures);

    public void Count(RequestKind kind, string method, string outcome, bool failure, Func<string> reproduce)
    {
        Interlocked.Increment(ref _total);
        _counts.AddOrUpdate((kind.ToString(), outcome), 1, (_, n) => n + 1);
        _byMethod.AddOrUpdate((method, outcome), 1, (_, n) => n + 1);
        if (!failure) return;
        if (Interlocked.Increment(ref _failures) <= MaxSamples) _samples.Enqueue($"{kind} {method} → {outcome}\n    {reproduce()}");
    }

    public void Print(string edge)
    {
        Console.WriteLine($"{edge}: {Total:N0} requests, {Failures:N0} failures (INTERNAL, UNKNOWN, InternalFailure, 5xx or a broken connection)");
        foreach (var kind in Enum.GetNames<RequestKind>())
        {
            var row = _counts.Where(c => c.Key.Kind == kind).OrderByDescending(c => c.Value).ToList();
            Console.WriteLine($"  {kind,-10} {row.Sum(c => c.Value),10:N0}: {string.Join(", ", row.Select(c => $"{c.Key.Outcome} {c.Value:N0}"))}");
        }
        Console.WriteLine("  by method:");
        foreach (var method in _byMethod.GroupBy(c => c.Key.Method).OrderBy(g => g.Key, StringComparer.Ordinal))
            Console.WriteLine($"    {method.Key,-45} {method.Sum(c => c.Value),9:N0}: {string.Join(", ", method.OrderByDescending(c => c.Value).Take(6).Select(c => $"{c.Key.Outcome} {c.Value:N0}"))}");
        foreach (var sample in _samples) Console.WriteLine($"  FAILURE {sample}");
    }
}
