using System.Globalization;

namespace MedGrpc.Bench;

/// <summary>Nearest-rank percentiles of latency samples, and the one way the benches print them.</summary>
public static class Percentiles
{
    /// <param name="sorted">Samples in ascending order, at least one.</param>
    public static double Of(IReadOnlyList<double> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>"p50 1.23 ms, p99 4.56 ms, max 7.89 ms (n 1000)".</summary>
    public static string Summary(IEnumerable<double> samples)
    {
        var sorted = samples.Order().ToArray();
        if (sorted.Length == 0) return "no samples";
        return string.Create(CultureInfo.InvariantCulture,
            $"p50 {Of(sorted, 0.50):F2} ms, p99 {Of(sorted, 0.99):F2} ms, max {sorted[^1]:F2} ms (n {sorted.Length})");
    }
}
