using MedGrpc.Service.Options;
using MedGrpc.Service.Storage;
using Microsoft.Extensions.Options;

namespace MedGrpc.Service.Jobs;

/// <summary>
/// The bounded pool of workers that run queued jobs. At start it queues again every job the
/// last process left QUEUED or IN_PROGRESS, so no job is lost to a crash or a restart.
/// </summary>
public sealed class JobWorkers(
    JobQueue queue,
    IJobStore store,
    IServiceProvider services,
    IOptions<MedGrpcOptions> options,
    ILogger<JobWorkers> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var unfinished = await store.ListUnfinishedAsync(stoppingToken);
        foreach (var job in unfinished) queue.Enqueue(job.Name);
        if (unfinished.Count > 0) log.LogInformation("Recovered {JobCount} unfinished jobs", unfinished.Count);

        var workers = Enumerable.Range(0, options.Value.EffectiveWorkers).Select(_ => RunWorkerAsync(stoppingToken));
        await Task.WhenAll(workers);
    }

    private async Task RunWorkerAsync(CancellationToken ct)
    {
        var processor = services.GetRequiredService<JobProcessor>();
        try
        {
            await foreach (var name in queue.ReadAllAsync(ct))
            {
                try
                {
                    await processor.ProcessAsync(name, ct);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e)
                {
                    // The store itself failed; the job stays unfinished and is recovered at the next start.
                    log.LogError(e, "Worker could not process job {JobName}", name);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }
}
