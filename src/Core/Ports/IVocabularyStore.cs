using MedGrpc.Core.Model;
using MedGrpc.Core.Resources;

namespace MedGrpc.Core.Ports;

/// <summary>Where custom vocabularies live. Embedded: SQLite. Every write is durable before it returns.</summary>
public interface IVocabularyStore
{
    /// <summary>Adds a new vocabulary; false when the account has one of that name already.</summary>
    Task<bool> TryInsertAsync(Vocabulary vocabulary, CancellationToken ct);

    Task<Vocabulary?> GetAsync(ResourceKey vocabulary, CancellationToken ct);

    /// <summary>Replaces the stored version of the vocabulary; false when it no longer exists.</summary>
    Task<bool> UpdateAsync(Vocabulary vocabulary, CancellationToken ct);

    /// <summary>
    /// The account's vocabularies newest created first, filtered and paged as ListMedicalVocabularies asks. Creation, not
    /// modification: an update must not move a vocabulary from one page to another under a caller paging through.
    /// MaxResults of them after the cursor (from the start when null); the query's NextToken is the service's to read.
    /// </summary>
    Task<StoredPage<Vocabulary>> ListAsync(string accountId, VocabularyQuery query, PageCursor? after, CancellationToken ct);

    /// <summary>How many vocabularies the account has (AWS's quota is per account).</summary>
    Task<int> CountAsync(string accountId, CancellationToken ct);

    Task<bool> DeleteAsync(ResourceKey vocabulary, CancellationToken ct);

    /// <summary>Vocabularies of all accounts left PENDING: the files a restart must read again.</summary>
    Task<IReadOnlyList<Vocabulary>> ListPendingAsync(CancellationToken ct);
}
