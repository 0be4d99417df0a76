namespace MedGrpc.Service.Vocabularies;

/// <summary>
/// A custom medical vocabulary as stored: where its file is, where it stands and, once READY, its
/// phrases with the pronunciations the engine adds. Only <see cref="VocabularyLifecycle"/> makes new versions.
/// </summary>
public sealed record Vocabulary
{
    public required string Name { get; init; }
    public required string LanguageCode { get; init; }
    public required string FileUri { get; init; }
    public required VocabularyState State { get; init; }
    public required DateTimeOffset LastModifiedTime { get; init; }
    public string? FailureReason { get; init; }

    /// <summary>The table's phrases, pronounced; empty until READY.</summary>
    public IReadOnlyList<VocabularyPhrase> Phrases { get; init; } = [];

    /// <summary>Names this version: a decoder that added these phrases serves only jobs of the same version.</summary>
    public string VersionKey => $"{Name}@{LastModifiedTime.UtcTicks}";
}

/// <summary>
/// One phrase as the engine uses it: the word it is recognised as, its pronunciations (ARPAbet
/// phones of the acoustic model, space separated) and how the transcript writes it.
/// </summary>
public sealed record VocabularyPhrase(string Word, IReadOnlyList<string> Pronunciations, string Display);
