using MedGrpc.Core.Resources;
using MedGrpc.Core.Options;
using MedGrpc.Core.Ports;
using Microsoft.Extensions.Options;

namespace MedGrpc.Core.Jobs;

/// <summary>
/// Deletes job records past their retention (AWS keeps them 90 days), with their tags; the
/// transcripts stay in their buckets. Every replica sweeps: deleting is idempotent.
/// </summary>
public sealed class JobRetention(
    IJobStore store,
    ITagStore tags,
    ResourceArns arns,
    TimeProvider clock,
    IOptions<MedGrpcOptions> options,
    ILogger<JobRetention> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromMinutes(Math.Max(0.01, options.Value.Limits.RetentionSweepMinutes));
        using var timer = new PeriodicTimer(every, clock);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogWarning(e, "Retention sweep failed; trying again in {SweepMinutes} minutes", every.TotalMinutes);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    /// <summary>One sweep: deletes what is past retention now; returns the jobs deleted.</summary>
    public async Task<IReadOnlyList<ResourceKey>> SweepAsync(CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow() - TimeSpan.FromDays(options.Value.Limits.RetentionDays);
        var deleted = await store.DeleteEndedBeforeAsync(cutoff, ct);
        foreach (var job in deleted) await tags.RemoveAllAsync(arns.Job(job), ct);
        if (deleted.Count > 0) log.LogInformation("Deleted {JobCount} job records created before {Cutoff}", deleted.Count, cutoff);
        return deleted;
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
