using MedGrpc.Core.Errors;
using MedGrpc.Core.Model;
using MedGrpc.Core.Options;
using MedGrpc.Core.Ports;
using MedGrpc.Core.Resources;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MedGrpc.Storage.ScaleOut;

/// <summary>
/// The job table as a queue shared by replicas. A worker claims the oldest unfinished job that no
/// live lease holds (FOR UPDATE SKIP LOCKED, so replicas never wait on each other's picks), renews
/// its lease while it runs, and lets go when done. A replica that dies stops renewing: once its
/// lease runs out, another replica claims the job (at-least-once; the store keeps one end per job).
/// Live leases are the running jobs of all replicas: no claim is made while MaxConcurrentJobs are held.
/// </summary>
public sealed class PostgresJobQueue : IJobQueue
{
    // Claims queue behind one advisory lock, so two replicas can't both take the last running slot.
    private const long ClaimLockKey = 0x4D656743; // "MedC"

    private const string RunningSql = "SELECT count(*) FROM jobs WHERE status IN ('QUEUED', 'IN_PROGRESS') AND lease_until > now()";

    private const string ClaimSql = """
        UPDATE jobs SET lease_owner = @owner, lease_until = now() + @lease
        WHERE (account_id, name) = (
            SELECT account_id, name FROM jobs
            WHERE status IN ('QUEUED', 'IN_PROGRESS') AND (lease_until IS NULL OR lease_until < now())
            ORDER BY creation_ticks, name
            LIMIT 1
            FOR UPDATE SKIP LOCKED)
        RETURNING account_id, name
        """;

    private readonly PostgresDatabase _database;
    private readonly PostgresNotifications _notifications;
    private readonly TimeSpan _lease;
    private readonly int _maxRunning;
    private readonly ILogger<PostgresJobQueue> _log;
    private TaskCompletionSource _wake = NewWake();

    public PostgresJobQueue(PostgresDatabase database, PostgresNotifications notifications, IOptions<MedGrpcOptions> options, IOptions<PostgresOptions> postgres, ILogger<PostgresJobQueue> log)
    {
        _database = database;
        _notifications = notifications;
        _lease = postgres.Value.Lease;
        _maxRunning = options.Value.Limits.MaxConcurrentJobs;
        _log = log;
        notifications.Received += (channel, _) =>
        {
            if (channel == PostgresNotifications.JobQueued) Wake();
        };
        notifications.Reconnected += Wake;
    }

    /// <summary>This replica's name in the lease column: host and process, so an operator can tell who holds a job.</summary>
    public string Owner { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>Nothing to put back: unfinished jobs stay in the table, and expired leases make them claimable.</summary>
    public Task RecoverAsync(CancellationToken ct) => _notifications.Listening.WaitAsync(ct);

    public void Enqueue(ResourceKey job)
    {
        Wake(); // a worker of this replica may be idle
        _notifications.Send(PostgresNotifications.JobQueued, job.ToString());
    }

    public async Task<JobClaim> TakeAsync(CancellationToken ct)
    {
        while (true)
        {
            var wake = _wake.Task;
            if (await TryClaimAsync(ct) is { } job) return Hold(job);
            // No notification comes when a lease runs out, so look again within a fraction of the lease.
            await Task.WhenAny(wake, Task.Delay(_lease / 4, ct)).Unwrap();
            ct.ThrowIfCancellationRequested();
        }
    }

    private async Task<ResourceKey?> TryClaimAsync(CancellationToken ct)
    {
        try
        {
            await using var connection = await _database.DataSource.OpenConnectionAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await using (var lockClaims = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({ClaimLockKey})", connection, transaction))
                await lockClaims.ExecuteNonQueryAsync(ct);
            await using (var running = new NpgsqlCommand(RunningSql, connection, transaction))
                if ((long)(await running.ExecuteScalarAsync(ct))! >= _maxRunning) return null;
            ResourceKey? claimed = null;
            await using (var claim = new NpgsqlCommand(ClaimSql, connection, transaction))
            {
                BindOwner(claim.Parameters);
                await using var reader = await claim.ExecuteReaderAsync(ct);
                if (await reader.ReadAsync(ct)) claimed = new ResourceKey(reader.GetString(0), reader.GetString(1));
            }
            await transaction.CommitAsync(ct);
            return claimed;
        }
        catch (Exception e) when (e is NpgsqlException or StoreUnavailableException or IOException or TimeoutException)
        {
            _log.LogWarning("Could not claim a job from PostgreSQL ({Error}); trying again", e.Message);
            return null;
        }
    }

    private JobClaim Hold(ResourceKey job)
    {
        var lost = new CancellationTokenSource();
        var stop = new CancellationTokenSource();
        var renewing = RenewAsync(job, lost, stop.Token);
        return new JobClaim(job, lost.Token, async () =>
        {
            await stop.CancelAsync();
            await renewing;
            await ReleaseAsync(job);
            stop.Dispose();
            lost.Dispose();
        });
    }

    /// <summary>Renews the lease every third of its length; when it can't before the lease ends, the claim is lost.</summary>
    private async Task RenewAsync(ResourceKey job, CancellationTokenSource lost, CancellationToken stop)
    {
        var heldUntil = DateTimeOffset.UtcNow + _lease;
        try
        {
            while (true)
            {
                await Task.Delay(_lease / 3, stop);
                try
                {
                    var renewed = await _database.ExecuteAsync(
                        "UPDATE jobs SET lease_until = now() + @lease WHERE account_id = @account AND name = @name AND lease_owner = @owner",
                        p => { BindOwner(p); BindKey(p, job); }, stop);
                    if (renewed == 0)
                    {
                        await lost.CancelAsync();
                        return;
                    }
                    heldUntil = DateTimeOffset.UtcNow + _lease;
                }
                catch (Exception e) when (e is NpgsqlException or StoreUnavailableException or IOException or TimeoutException)
                {
                    _log.LogWarning("Could not renew the lease on job {Job} ({Error})", job, e.Message);
                    if (DateTimeOffset.UtcNow >= heldUntil)
                    {
                        await lost.CancelAsync();
                        return;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// Lets go of the job: an unfinished one (shutdown) is at once claimable by another replica, and either
    /// way a running slot is free, so workers waiting at the cap are woken.
    /// </summary>
    private async Task ReleaseAsync(ResourceKey job)
    {
        try
        {
            var status = await _database.ScalarAsync<string>(
                "UPDATE jobs SET lease_owner = NULL, lease_until = NULL WHERE account_id = @account AND name = @name AND lease_owner = @owner RETURNING status",
                p => { BindOwner(p); BindKey(p, job); }, CancellationToken.None);
            if (status is not null) _notifications.Send(PostgresNotifications.JobQueued, job.ToString());
        }
        catch (Exception e) when (e is NpgsqlException or StoreUnavailableException or IOException or TimeoutException)
        {
            // The lease then simply runs out.
            _log.LogWarning("Could not release the lease on job {Job} ({Error})", job, e.Message);
        }
    }

    private void BindOwner(NpgsqlParameterCollection parameters)
    {
        parameters.AddWithValue("owner", Owner);
        parameters.AddWithValue("lease", _lease);
    }

    private static void BindKey(NpgsqlParameterCollection parameters, ResourceKey job)
    {
        parameters.AddWithValue("account", job.AccountId);
        parameters.AddWithValue("name", job.Name);
    }

    private void Wake() => Interlocked.Exchange(ref _wake, NewWake()).TrySetResult();

    private static TaskCompletionSource NewWake() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
