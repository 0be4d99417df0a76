using System.Text;
using MedGrpc.Core.Jobs;
using MedGrpc.Core.Model;
using MedGrpc.Core.Ports;
using MedGrpc.Core.Resources;

namespace MedGrpc.Storage.ScaleOut;

/// <summary>
/// Job versions published through PostgreSQL NOTIFY, so a watcher on any replica sees what a worker
/// on any other replica does. Each replica fans the versions it hears out to its own watchers.
/// </summary>
public sealed class PostgresJobEvents : IJobEvents
{
    // NOTIFY payloads are limited to 8000 bytes; a bigger job (many tags) is sent by name and read back from the store.
    private const int MaxPayloadBytes = 7900;
    private const char WholeJob = 'J';
    private const char NameOnly = 'N';

    private readonly InProcessJobEvents _local = new();
    private readonly PostgresNotifications _notifications;
    private readonly IJobStore _store;
    private readonly ILogger<PostgresJobEvents> _log;

    public PostgresJobEvents(PostgresNotifications notifications, IJobStore store, ILogger<PostgresJobEvents> log)
    {
        _notifications = notifications;
        _store = store;
        _log = log;
        notifications.Received += OnNotification;
        notifications.Reconnected += () => _ = RefreshWatchedAsync();
    }

    /// <summary>Payload: 'J', the job's key (ACCOUNT/NAME), a newline (never in a job name), the job; or 'N' and the key alone.</summary>
    public void Publish(Job job)
    {
        var body = $"{WholeJob}{job.Key}\n{StoredRecords.Serialize(job)}";
        _notifications.Send(PostgresNotifications.JobChanged, Encoding.UTF8.GetByteCount(body) <= MaxPayloadBytes ? body : $"{NameOnly}{job.Key}");
    }

    public JobSubscription Subscribe(ResourceKey job) => _local.Subscribe(job);

    public int WatcherCount => _local.WatcherCount;

    private void OnNotification(string channel, string payload)
    {
        if (channel != PostgresNotifications.JobChanged || payload.Length < 2) return;
        // Every replica hears every job's versions: only those of a job watched here are read further.
        var end = payload[0] == WholeJob ? payload.IndexOf('\n') : payload.Length;
        if (end < 2) return;
        if (!ResourceKey.TryParse(payload[1..end], out var key) || !_local.IsWatched(key)) return;
        if (payload[0] == WholeJob) _local.Publish(StoredRecords.Deserialize<Job>(payload[(end + 1)..]));
        else _ = ReadAndPublishAsync(key);
    }

    /// <summary>After the listening connection dropped, every watched job is read again: a version may have been missed.</summary>
    private async Task RefreshWatchedAsync()
    {
        foreach (var key in _local.WatchedJobs) await ReadAndPublishAsync(key);
    }

    private async Task ReadAndPublishAsync(ResourceKey key)
    {
        try
        {
            if (await _store.GetAsync(key, CancellationToken.None) is { } job) _local.Publish(job);
        }
        catch (Exception e)
        {
            _log.LogWarning(e, "Could not read job {Job} for its watchers", key);
        }
    }
}
