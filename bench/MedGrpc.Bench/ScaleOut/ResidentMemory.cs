using System.Globalization;

namespace MedGrpc.Bench.ScaleOut;

/// <summary>
/// A process's resident set (VmRSS in /proc/PID/status), as the median of several samples: the
/// garbage collector's heap grows and shrinks in steps, and one sample could land on either side of one.
/// </summary>
public static class ResidentMemory
{
    public static long Kilobytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    public static async Task<long> MedianKilobytesAsync(int pid, CancellationToken ct, int samples = 11)
    {
        var values = new long[samples];
        for (var i = 0; i < samples; i++)
        {
            if (i > 0) await Task.Delay(100, ct);
            values[i] = Kilobytes(pid);
        }
        Array.Sort(values);
        return values[samples / 2];
    }
}
