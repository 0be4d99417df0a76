using System.Globalization;

namespace MedGrpc.Bench;

/// <summary>CPU seconds of a process and of the children it has reaped (ffmpeg, ffprobe), read from /proc.</summary>
public static class ProcessCpu
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    public static double Seconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // Fields after the command name, which is in parentheses and may hold spaces.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // utime, stime, cutime, cstime are fields 14–17 of stat; here 0-based from field 3.
        var ticks = Enumerable.Range(11, 4).Sum(i => long.Parse(fields[i], CultureInfo.InvariantCulture));
        return ticks / TicksPerSecond;
    }

    public static double Self() => Seconds(Environment.ProcessId);

    /// <summary>CPU seconds of the children this process has waited for, and of everything they waited for in turn.</summary>
    public static double ReapedChildren()
    {
        var stat = File.ReadAllText($"/proc/{Environment.ProcessId}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return Enumerable.Range(13, 2).Sum(i => long.Parse(fields[i], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }

    /// <summary>
    /// The process's seconds and those of its living children: a server whose workers live long
    /// (PostgreSQL's backends) has not reaped them yet, so their CPU is not in its own figure.
    /// </summary>
    public static double WithLiveChildren(int pid)
    {
        var total = Seconds(pid);
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var child)) continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var parent = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
                if (parent == pid) total += Seconds(child);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The child ended while it was read: its parent has its seconds now or soon.
            }
        }
        return total;
    }
}
