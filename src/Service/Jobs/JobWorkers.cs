using MedGrpc.Service.Options;
using Microsoft.Extensions.Options;

namespace MedGrpc.Service.Jobs;

/// <summary>
/// The bounded pool of workers that run queued jobs. Before they start, the queue puts back every
/// job the last process left QUEUED or IN_PROGRESS, so no job is lost to a crash or a restart.
/// </summary>
public sealed class JobWorkers(
    IJobQueue queue,
    IServiceProvider services,
    IOptions<MedGrpcOptions> options,
    ILogger<JobWorkers> log) : BackgroundService
{
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
        var workers = Enumerable.Range(0, options.Value.EffectiveWorkers).Select(_ => RunWorkerAsync(stoppingToken));
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
                using var run = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, claim.Lost);
                try
                {
                    await processor.ProcessAsync(claim.JobName, run.Token);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    // Shutting down: the job stays unfinished and is handed back with the claim.
                    return;
                }
                catch (OperationCanceledException) when (claim.Lost.IsCancellationRequested)
                {
                    log.LogWarning("Lost the lease on job {JobName}; another replica runs it", claim.JobName);
                }
                catch (Exception e)
                {
                    // The store itself failed; the job stays unfinished and is taken up again (at the next start, or when its lease ends).
                    log.LogError(e, "Worker could not process job {JobName}", claim.JobName);
                }
            }
        }
    }
}
