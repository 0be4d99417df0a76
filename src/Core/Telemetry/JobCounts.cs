using MedGrpc.Core.Ports;

namespace MedGrpc.Core.Telemetry;

/// <summary>
/// Job counts by status for the gauges, read from the store at most once a second: a scrape reads
/// two gauges, and many scrapers must not each cost a query. Observable gauges are read synchronously,
/// so the query is waited for, with a short timeout; a store that can't answer gives no figures.
/// </summary>
public sealed class JobCounts(IJobStore store, ILogger<JobCounts> log)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);
    private readonly Lock _gate = new();
    private IReadOnlyDictionary<string, int> _counts = new Dictionary<string, int>();
    private DateTime _readAt = DateTime.MinValue;

    public IReadOnlyDictionary<string, int> ByStatus()
    {
        lock (_gate)
        {
            if (DateTime.UtcNow - _readAt < MaxAge) return _counts;
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                _counts = store.CountByStatusAsync(timeout.Token).GetAwaiter().GetResult();
            }
            catch (Exception e)
            {
                log.LogWarning("Could not count jobs for the metrics ({Error})", e.Message);
                _counts = new Dictionary<string, int>();
            }
            _readAt = DateTime.UtcNow;
            return _counts;
        }
    }
}
