using System.Globalization;

namespace MedGrpc.Bench;

/// <summary>
/// The resident memory (VmRSS) of a process and its living descendants (the service's ffmpeg decodes), sampled
/// every quarter second while it runs: the peak is what the machine had to hold at once.
/// </summary>
public sealed class ProcessTreeMemory : IAsyncDisposable
{
    private readonly int _pid;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private long _peakKb;

    public ProcessTreeMemory(int pid)
    {
        _pid = pid;
        _sampling = Task.Run(SampleAsync);
    }

    public long PeakKb => Interlocked.Read(ref _peakKb);

    public static long Kilobytes(int pid)
    {
        var total = 0L;
        var tree = new HashSet<int> { pid };
        // Parents first is not guaranteed in /proc's order: repeat until no new descendant appears.
        var stats = Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(System.IO.Path.GetFileName(d), out var p) ? p : -1).Where(p => p > 0)
            .Select(p => (Pid: p, Parent: ParentOf(p))).Where(p => p.Parent >= 0).ToList();
        for (var added = true; added;)
        {
            added = false;
            foreach (var (child, parent) in stats)
                if (tree.Contains(parent) && tree.Add(child)) added = true;
        }
        foreach (var member in tree) total += Rss(member);
        return total;
    }

    private async Task SampleAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var now = Kilobytes(_pid);
            if (now > _peakKb) Interlocked.Exchange(ref _peakKb, now);
            try { await Task.Delay(250, _stop.Token); } catch (OperationCanceledException) { }
        }
    }

    private static int ParentOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return -1; // ended while read
        }
    }

    internal static long Rss(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }
}
