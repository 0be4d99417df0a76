using MedGrpc.Core.Model;
using MedGrpc.Core.Options;
using MedGrpc.Core.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MedGrpc.Core.Jobs;

/// <summary>
/// The bounded pool of workers that run queued jobs. Before they start, the queue puts back every
/// job the last process left QUEUED or IN_PROGRESS, so no job is lost to a crash or a restart.
/// On shutdown they take no new job, give running ones the grace period to finish, then hand them back.
/// </summary>
public sealed class JobWorkers(
    IJobQueue queue,
    IServiceProvider services,
    IOptions<MedGrpcOptions> options,
    ILogger<JobWorkers> log) : BackgroundService
{
    private readonly CancellationTokenSource _abandon = new();

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _abandon.CancelAfter(TimeSpan.FromSeconds(Math.Max(0, options.Value.ShutdownGraceSeconds)));
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _abandon.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await queue.RecoverAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }
        // Never more workers than jobs may run at once (on PostgreSQL the queue also holds that cap across replicas).
        var count = Math.Min(options.Value.EffectiveWorkers, Math.Max(1, options.Value.Limits.MaxConcurrentJobs));
        var workers = Enumerable.Range(0, count).Select(_ => RunWorkerAsync(stoppingToken));
        await Task.WhenAll(workers);
    }

    private async Task RunWorkerAsync(CancellationToken stoppingToken)
    {
        var processor = services.GetRequiredService<JobProcessor>();
        while (!stoppingToken.IsCancellationRequested)
        {
            JobClaim claim;
            try
            {
                claim = await queue.TakeAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            await using (claim)
            {
                using var run = CancellationTokenSource.CreateLinkedTokenSource(_abandon.Token, claim.Lost);
                try
                {
                    await processor.ProcessAsync(claim.Job, run.Token);
                }
                catch (OperationCanceledException) when (_abandon.IsCancellationRequested)
                {
                    // The grace period is over: the job stays unfinished and is handed back with the claim.
                    log.LogInformation("Handing back unfinished job {Job} at shutdown", claim.Job);
                    return;
                }
                catch (OperationCanceledException) when (claim.Lost.IsCancellationRequested)
                {
                    log.LogWarning("Lost the lease on job {Job}; another replica runs it", claim.Job);
                }
                catch (Exception e)
                {
                    // The store itself failed; the job stays unfinished and is taken up again (at the next start, or when its lease ends).
                    log.LogError(e, "Worker could not process job {Job}", claim.Job);
                }
            }
        }
    }
}
