namespace MedGrpc.Bench.ScaleOut;

/// <summary>
/// The replicas' resident memory at each step of watchers opened, and what one watcher costs. The first
/// step also pays once for what any number of streams share (new HTTP/2 connections, grown pools and
/// buffers), so a watcher's own cost is the least-squares slope of RSS over watchers open across the
/// later steps: steadier than the difference of two samples, either of which may sit on either side of
/// a GC heap step. Memory also grows with time alone (the hold jobs' decoders go on), so the growth
/// over one step's time with no watcher added, measured just before the first batch, is subtracted.
/// </summary>
public sealed class WatcherMemory
{
    private readonly List<(IReadOnlyList<int> Watchers, IReadOnlyList<long> RssKb)> _steps = [];

    public IReadOnlyList<(IReadOnlyList<int> Watchers, IReadOnlyList<long> RssKb)> Steps => _steps;

    /// <summary>Each replica's RSS growth over one step's time with no watcher added.</summary>
    public IReadOnlyList<long> DriftKb { get; set; } = [];

    /// <param name="watchers">Watchers open on each replica.</param>
    /// <param name="rssKb">Each replica's RSS.</param>
    public void Add(IReadOnlyList<int> watchers, IReadOnlyList<long> rssKb) => _steps.Add((watchers, rssKb));

    /// <summary>KB the first step added on one replica, fixed costs included.</summary>
    public long FirstStepKb(int replica) => _steps.Count < 2 ? 0 : _steps[1].RssKb[replica] - _steps[0].RssKb[replica];

    /// <summary>KB per watcher on one replica, over the steps after the first.</summary>
    public double KbPerWatcher(int replica) => Slope(_steps.Skip(1).Select(s => ((double)s.Watchers[replica], (double)s.RssKb[replica])));

    /// <summary>KB per watcher on one replica, less the drift: what a step gained beyond time alone, over the watchers it added.</summary>
    public double KbPerWatcherLessDrift(int replica) =>
        KbPerWatcher(replica) - (DriftKb.Count == 0 ? 0 : DriftKb[replica] / WatchersPerStep(replica));

    private double WatchersPerStep(int replica) => (double)_steps[^1].Watchers[replica] / (_steps.Count - 1);

    /// <summary>KB per watcher over the replicas together (their summed RSS over their summed watchers), after the first step.</summary>
    public double KbPerWatcher() => Slope(_steps.Skip(1).Select(s => ((double)s.Watchers.Sum(), (double)s.RssKb.Sum())));

    private static double Slope(IEnumerable<(double X, double Y)> points)
    {
        var list = points.ToList();
        if (list.Count < 2) return double.NaN;
        var meanX = list.Average(p => p.X);
        var meanY = list.Average(p => p.Y);
        var spread = list.Sum(p => (p.X - meanX) * (p.X - meanX));
        return spread == 0 ? double.NaN : list.Sum(p => (p.X - meanX) * (p.Y - meanY)) / spread;
    }
}
