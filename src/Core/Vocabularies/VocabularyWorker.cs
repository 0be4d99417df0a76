using MedGrpc.Core.Options;
using MedGrpc.Core.Ports;
using Microsoft.Extensions.Options;

namespace MedGrpc.Core.Vocabularies;

/// <summary>
/// Reads queued vocabulary files one at a time. At start it queues every vocabulary left PENDING;
/// after that it looks again every <see cref="MedGrpcOptions.PendingVocabularySweepSeconds"/> for
/// vocabularies PENDING for longer than that, whose reader has died (another replica, or a store
/// fault here). Two readers of one version are harmless: only the first outcome is saved.
/// </summary>
public sealed class VocabularyWorker(
    VocabularyQueue queue,
    IVocabularyStore store,
    VocabularyProcessor processor,
    TimeProvider clock,
    IOptions<MedGrpcOptions> options,
    ILogger<VocabularyWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            foreach (var pending in await store.ListPendingAsync(stoppingToken)) queue.Enqueue(pending.Key);
            await Task.WhenAll(SweepAsync(stoppingToken), ReadAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task ReadAsync(CancellationToken stoppingToken)
    {
        await foreach (var vocabulary in queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                await processor.ProcessAsync(vocabulary, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The store itself failed; the vocabulary stays PENDING and the sweep queues it again.
                log.LogError(e, "Could not process vocabulary {Vocabulary}", vocabulary);
            }
        }
    }

    private async Task SweepAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromSeconds(Math.Max(0.1, options.Value.PendingVocabularySweepSeconds));
        using var timer = new PeriodicTimer(every, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var stale = clock.GetUtcNow() - every;
                foreach (var pending in await store.ListPendingAsync(stoppingToken))
                    if (pending.LastModifiedTime < stale) queue.Enqueue(pending.Key);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Could not look for stale PENDING vocabularies; trying again in {SweepSeconds} s", every.TotalSeconds);
            }
        }
    }
}
