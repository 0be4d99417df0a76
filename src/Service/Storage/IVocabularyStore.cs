using MedGrpc.Service.Vocabularies;

namespace MedGrpc.Service.Storage;

/// <summary>Where custom vocabularies live. Embedded: SQLite. Every write is durable before it returns.</summary>
public interface IVocabularyStore
{
    /// <summary>Adds a new vocabulary; false when one of that name exists already.</summary>
    Task<bool> TryInsertAsync(Vocabulary vocabulary, CancellationToken ct);

    Task<Vocabulary?> GetAsync(string name, CancellationToken ct);

    /// <summary>Replaces the stored version of the vocabulary; false when it no longer exists.</summary>
    Task<bool> UpdateAsync(Vocabulary vocabulary, CancellationToken ct);

    Task<VocabularyPage> ListAsync(VocabularyQuery query, CancellationToken ct);

    Task<int> CountAsync(CancellationToken ct);

    Task<bool> DeleteAsync(string name, CancellationToken ct);

    /// <summary>Vocabularies left PENDING: the files a restart must read again.</summary>
    Task<IReadOnlyList<Vocabulary>> ListPendingAsync(CancellationToken ct);
}
