using MedGrpc.Service.Storage;

namespace MedGrpc.Service.Vocabularies;

/// <summary>
/// Reads queued vocabulary files one at a time. At start it queues again every vocabulary the
/// last process left PENDING, so none stays PENDING for ever.
/// </summary>
public sealed class VocabularyWorker(VocabularyQueue queue, IVocabularyStore store, VocabularyProcessor processor, ILogger<VocabularyWorker> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            foreach (var pending in await store.ListPendingAsync(stoppingToken)) queue.Enqueue(pending.Name);
            await foreach (var name in queue.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await processor.ProcessAsync(name, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The store itself failed; the vocabulary stays PENDING and is read again at the next start.
                    log.LogError(e, "Could not process vocabulary {VocabularyName}", name);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
