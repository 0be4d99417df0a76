using MedGrpc.Service.Accounts;
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
            foreach (var pending in await store.ListPendingAsync(stoppingToken)) queue.Enqueue(pending.Key);
            await foreach (var vocabulary in queue.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await processor.ProcessAsync(vocabulary, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The store itself failed; the vocabulary stays PENDING and is read again at the next start.
                    log.LogError(e, "Could not process vocabulary {Vocabulary}", vocabulary);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
