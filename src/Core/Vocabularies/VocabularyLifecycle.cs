using MedGrpc.Core.Errors;
using MedGrpc.Core.Model;
using MedGrpc.Core.Ports;
using MedGrpc.Core.Resources;

namespace MedGrpc.Core.Vocabularies;

/// <summary>
/// The one place a vocabulary's state changes: PENDING → READY | FAILED, and back to PENDING when
/// it is updated. Every change is persisted before it is reported.
/// </summary>
public sealed class VocabularyLifecycle(IVocabularyStore store, TimeProvider clock, ILogger<VocabularyLifecycle> log)
{
    public async Task<Vocabulary> CreateAsync(ResourceKey key, string languageCode, string fileUri, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var vocabulary = new Vocabulary
        {
            AccountId = key.AccountId,
            Name = key.Name,
            LanguageCode = languageCode,
            FileUri = fileUri,
            State = VocabularyState.Pending,
            CreationTime = now,
            LastModifiedTime = now,
        };
        if (!await store.TryInsertAsync(vocabulary, ct)) throw ServiceException.VocabularyNameTaken();
        log.LogInformation("Vocabulary {VocabularyName} of account {AccountId} created from {VocabularyFileUri}", key.Name, key.AccountId, fileUri);
        return vocabulary;
    }

    /// <summary>Update replaces the whole vocabulary: a new file, PENDING again, no phrases until it is read.</summary>
    public async Task<Vocabulary> ReplaceAsync(Vocabulary current, string languageCode, string fileUri, CancellationToken ct)
    {
        var next = current with
        {
            LanguageCode = languageCode,
            FileUri = fileUri,
            State = VocabularyState.Pending,
            FailureReason = null,
            Phrases = [],
            // Strictly later, so that a file read for the version before never lands on this one.
            LastModifiedTime = Later(clock.GetUtcNow(), current.LastModifiedTime),
        };
        if (!await store.UpdateAsync(next, ct)) throw ServiceException.VocabularyNotFound();
        log.LogInformation("Vocabulary {VocabularyName} updated from {VocabularyFileUri}", next.Name, fileUri);
        return next;
    }

    public Task ReadyAsync(Vocabulary read, IReadOnlyList<VocabularyPhrase> phrases, CancellationToken ct) =>
        FinishAsync(read, read with { State = VocabularyState.Ready, Phrases = phrases, FailureReason = null }, ct);

    public Task FailAsync(Vocabulary read, string failureReason, CancellationToken ct) =>
        FinishAsync(read, read with { State = VocabularyState.Failed, Phrases = [], FailureReason = failureReason }, ct);

    /// <summary>Saves the outcome of reading one version, unless the vocabulary was updated or deleted meanwhile.</summary>
    private async Task FinishAsync(Vocabulary read, Vocabulary outcome, CancellationToken ct)
    {
        var current = await store.GetAsync(read.Key, ct);
        if (current is null || current.LastModifiedTime != read.LastModifiedTime || current.State != VocabularyState.Pending) return;
        await store.UpdateAsync(outcome, ct);
        log.LogInformation("Vocabulary {VocabularyName} {VocabularyState} with {PhraseCount} phrases {FailureReason}",
            outcome.Name, outcome.State.ToAws(), outcome.Phrases.Count, outcome.FailureReason);
    }

    private static DateTimeOffset Later(DateTimeOffset now, DateTimeOffset before) => now > before ? now : before.AddTicks(1);
}
