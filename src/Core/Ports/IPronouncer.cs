using MedGrpc.Core.Model;

namespace MedGrpc.Core.Ports;

/// <summary>
/// Gives each row of a vocabulary table the pronunciations the engine adds to its dictionary: the
/// engine's business (its phone set), so an adapter's.
/// </summary>
public interface IPronouncer
{
    /// <exception cref="Vocabularies.VocabularyFileException">A row can't be pronounced; the vocabulary fails with the row's line.</exception>
    Task<IReadOnlyList<VocabularyPhrase>> PronounceAsync(IReadOnlyList<VocabularyEntry> entries, CancellationToken ct);
}
