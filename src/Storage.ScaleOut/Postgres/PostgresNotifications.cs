using System.Threading.Channels;
using MedGrpc.Core.Errors;
using Npgsql;

namespace MedGrpc.Storage.ScaleOut;

/// <summary>
/// PostgreSQL LISTEN/NOTIFY between replicas: one connection listens on MedGrpc's channels and hands
/// each notification to its handler; notifications to send go out in order on one connection. A
/// dropped connection (a database restart) is opened again with backoff, and <see cref="Reconnected"/>
/// tells handlers that what was sent meanwhile may have been missed.
/// </summary>
public sealed class PostgresNotifications(PostgresDatabase database, ILogger<PostgresNotifications> log) : BackgroundService
{
    public const string JobQueued = "medgrpc_job_queued";
    public const string JobChanged = "medgrpc_job_changed";
    private static readonly string[] Channels = [JobQueued, JobChanged];
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);

    private readonly Channel<(string Channel, string Payload)> _outgoing = Channel.CreateUnbounded<(string, string)>(new() { SingleReader = true });
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public event Action<string, string>? Received;

    public event Action? Reconnected;

    /// <summary>Completes once the first LISTEN is in place: from then on no notification is missed.</summary>
    public Task Listening => _listening.Task;

    public void Send(string channel, string payload) => _outgoing.Writer.TryWrite((channel, payload));

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(ListenAsync(stoppingToken), SendAsync(stoppingToken));

    private async Task ListenAsync(CancellationToken ct)
    {
        var backoff = TimeSpan.FromMilliseconds(100);
        var first = true;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = await database.DataSource.OpenConnectionAsync(ct);
                connection.Notification += (_, e) => Received?.Invoke(e.Channel, e.Payload);
                foreach (var channel in Channels)
                {
                    await using var listen = new NpgsqlCommand($"LISTEN {channel}", connection);
                    await listen.ExecuteNonQueryAsync(ct);
                }
                backoff = TimeSpan.FromMilliseconds(100);
                if (first) _listening.TrySetResult();
                else
                {
                    log.LogInformation("Listening to PostgreSQL notifications again");
                    Reconnected?.Invoke();
                }
                first = false;
                while (true) await connection.WaitAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or StoreUnavailableException or IOException or TimeoutException or InvalidOperationException)
            {
                log.LogWarning("PostgreSQL notifications connection lost ({Error}); reconnecting in {BackoffMs} ms", e.Message, backoff.TotalMilliseconds);
                await Task.Delay(backoff, ct).ContinueWith(_ => { }, CancellationToken.None);
                backoff = Min(backoff * 2, MaxBackoff);
            }
        }
    }

    private async Task SendAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var (channel, payload) in _outgoing.Reader.ReadAllAsync(ct))
            {
                var backoff = TimeSpan.FromMilliseconds(100);
                while (true)
                {
                    try
                    {
                        await database.ExecuteAsync("SELECT pg_notify(@channel, @payload)", p =>
                        {
                            p.AddWithValue("channel", channel);
                            p.AddWithValue("payload", payload);
                        }, ct);
                        break;
                    }
                    catch (Exception e) when (e is NpgsqlException or StoreUnavailableException or IOException or TimeoutException)
                    {
                        // Kept in order and tried again: listeners that missed it read the store when they reconnect.
                        log.LogWarning("Could not send a PostgreSQL notification ({Error}); retrying in {BackoffMs} ms", e.Message, backoff.TotalMilliseconds);
                        await Task.Delay(backoff, ct);
                        backoff = Min(backoff * 2, MaxBackoff);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
