using MedGrpc.Core.Model;
using MedGrpc.Core.Options;
using MedGrpc.Core.Resources;
using MedGrpc.Storage.ScaleOut;
using MedGrpc.Tests.Support;
using MedGrpc.Tests.Validation;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace MedGrpc.Tests.ScaleOut;

/// <summary>The shared queue on a real PostgreSQL: claims, leases and what happens when a replica dies.</summary>
public sealed class PostgresJobQueueTests : IAsyncLifetime
{
    private const double LeaseSeconds = 0.9;
    private readonly List<IAsyncDisposable> _owned = [];
    private readonly CancellationTokenSource _stop = new();
    private string _connectionString = "";
    private PostgresJobStore _store = null!;

    public async Task InitializeAsync()
    {
        _connectionString = await (await PostgresServer.Shared).CreateDatabaseAsync();
        _store = new PostgresJobStore(Own(Databases.Open(_connectionString, LeaseSeconds)));
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        foreach (var owned in Enumerable.Reverse(_owned)) await owned.DisposeAsync();
    }

    private T Own<T>(T item) where T : IAsyncDisposable
    {
        _owned.Add(item);
        return item;
    }

    /// <summary>A replica's queue: a database object, notifications listening, the queue over them.</summary>
    private async Task<PostgresJobQueue> ReplicaQueueAsync(int maxRunning = 250)
    {
        var database = Own(Databases.Open(_connectionString, LeaseSeconds));
        var notifications = new PostgresNotifications(database, NullLogger<PostgresNotifications>.Instance);
        await notifications.StartAsync(_stop.Token);
        _owned.Add(new AsyncDisposable(() => notifications.StopAsync(CancellationToken.None)));
        var queue = new PostgresJobQueue(database, notifications,
            Microsoft.Extensions.Options.Options.Create(new MedGrpcOptions
            {
                Limits = new LimitsOptions { MaxConcurrentJobs = maxRunning },
            }),
            Microsoft.Extensions.Options.Options.Create(new PostgresOptions { LeaseSeconds = LeaseSeconds }),
            NullLogger<PostgresJobQueue>.Instance);
        await queue.RecoverAsync(_stop.Token);
        return queue;
    }

    private const string Account = "000000000000";

    private static ResourceKey Key(string name) => new(Account, name);

    private Task InsertAsync(string name, int minute) => _store.TryInsertAsync(new Job
    {
        AccountId = Account,
        Request = ValidRequests.Start() with { MedicalTranscriptionJobName = name },
        Status = JobStatus.Queued,
        CreationTime = new DateTimeOffset(2026, 12, 1, 9, minute, 0, TimeSpan.Zero),
    }, default);

    private async Task SetLeaseAsync(string name, string owner, string until)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"UPDATE jobs SET lease_owner = @owner, lease_until = {until} WHERE name = @name", connection);
        command.Parameters.AddWithValue("owner", owner);
        command.Parameters.AddWithValue("name", name);
        await command.ExecuteNonQueryAsync();
    }

    private static CancellationToken Within(double seconds) => new CancellationTokenSource(TimeSpan.FromSeconds(seconds)).Token;

    [Fact]
    public async Task Jobs_are_claimed_oldest_first()
    {
        await InsertAsync("second", 2);
        await InsertAsync("first", 1);
        var queue = await ReplicaQueueAsync();
        await using var a = await queue.TakeAsync(Within(10));
        await using var b = await queue.TakeAsync(Within(10));
        Assert.Equal(["first", "second"], new[] { a.Job.Name, b.Job.Name });
    }

    [Fact]
    public async Task Two_replicas_taking_at_once_never_claim_the_same_job()
    {
        for (var i = 0; i < 12; i++) await InsertAsync($"job-{i:00}", i);
        var queues = new[] { await ReplicaQueueAsync(), await ReplicaQueueAsync() };
        var claims = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => queues[i % 2].TakeAsync(Within(10))));
        Assert.Equal(Enumerable.Range(0, 12).Select(i => $"job-{i:00}"), claims.Select(c => c.Job.Name).Order());
        foreach (var claim in claims) await claim.DisposeAsync();
    }

    [Fact]
    public async Task A_job_held_by_a_live_lease_is_not_claimed()
    {
        await InsertAsync("held", 1);
        await SetLeaseAsync("held", "other-replica", "now() + interval '1 hour'");
        var queue = await ReplicaQueueAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queue.TakeAsync(Within(2 * LeaseSeconds)));
    }

    [Fact]
    public async Task A_job_whose_lease_ran_out_is_claimed_by_another_replica()
    {
        await InsertAsync("orphan", 1);
        await SetLeaseAsync("orphan", "dead-replica", "now() - interval '1 second'");
        var queue = await ReplicaQueueAsync();
        await using var claim = await queue.TakeAsync(Within(10));
        Assert.Equal("orphan", claim.Job.Name);
    }

    [Fact]
    public async Task A_job_queued_on_one_replica_wakes_a_worker_waiting_on_another()
    {
        var waiting = (await ReplicaQueueAsync()).TakeAsync(Within(30));
        var other = await ReplicaQueueAsync();
        await InsertAsync("woken", 1);
        other.Enqueue(Key("woken"));
        await using var claim = await waiting;
        Assert.Equal("woken", claim.Job.Name);
    }

    [Fact]
    public async Task A_claim_renews_its_lease_while_held()
    {
        await InsertAsync("long", 1);
        var queue = await ReplicaQueueAsync();
        await using var claim = await queue.TakeAsync(Within(10));
        var other = await ReplicaQueueAsync();
        // Three lease lengths: without renewal another replica would have claimed it.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => other.TakeAsync(Within(3 * LeaseSeconds)));
        Assert.False(claim.Lost.IsCancellationRequested);
    }

    [Fact]
    public async Task A_claim_whose_lease_was_taken_over_is_lost()
    {
        await InsertAsync("taken", 1);
        var queue = await ReplicaQueueAsync();
        await using var claim = await queue.TakeAsync(Within(10));
        var lost = new TaskCompletionSource();
        claim.Lost.Register(() => lost.TrySetResult());
        await SetLeaseAsync("taken", "other-replica", "now() + interval '1 hour'");
        await lost.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_released_unfinished_job_is_claimable_at_once()
    {
        await InsertAsync("handed-back", 1);
        var queue = await ReplicaQueueAsync();
        var claim = await queue.TakeAsync(Within(10));
        await claim.DisposeAsync();
        await using var again = await (await ReplicaQueueAsync()).TakeAsync(Within(LeaseSeconds / 2));
        Assert.Equal("handed-back", again.Job.Name);
    }

    [Fact]
    public async Task No_replica_claims_a_job_while_the_running_cap_is_held()
    {
        await InsertAsync("running", 1);
        await InsertAsync("waiting", 2);
        var first = await (await ReplicaQueueAsync(maxRunning: 1)).TakeAsync(Within(10));
        var other = await ReplicaQueueAsync(maxRunning: 1);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => other.TakeAsync(Within(2 * LeaseSeconds)));

        // The running job ends and is let go: the slot is free, and the waiting replica is woken to take the next.
        var next = other.TakeAsync(Within(30));
        await _store.UpdateAsync((await _store.GetAsync(Key("running"), default))! with { Status = JobStatus.Completed }, default);
        await first.DisposeAsync();
        await using var claim = await next;
        Assert.Equal("waiting", claim.Job.Name);
    }

    [Fact]
    public async Task A_finished_job_is_never_claimed()
    {
        await InsertAsync("done", 1);
        var job = (await _store.GetAsync(Key("done"), default))!;
        await _store.UpdateAsync(job with { Status = JobStatus.Completed }, default);
        var queue = await ReplicaQueueAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queue.TakeAsync(Within(2 * LeaseSeconds)));
    }

    private sealed class AsyncDisposable(Func<Task> dispose) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await dispose();
    }
}
