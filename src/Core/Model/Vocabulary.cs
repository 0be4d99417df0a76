using System.Text.Json.Serialization;
using MedGrpc.Core.Resources;

namespace MedGrpc.Core.Model;

/// <summary>
/// A custom medical vocabulary as stored: where its file is, where it stands and, once READY, its
/// phrases with the pronunciations the engine adds. Only <see cref="VocabularyLifecycle"/> makes new versions.
/// </summary>
public sealed record Vocabulary
{
    /// <summary>The account that created the vocabulary: only its callers and its jobs use it.</summary>
    public required string AccountId { get; init; }
    public required string Name { get; init; }
    public required string LanguageCode { get; init; }
    public required string FileUri { get; init; }
    public required VocabularyState State { get; init; }

    /// <summary>When it was created; an update keeps it. AWS doesn't return it, but lists vocabularies newest created first.</summary>
    public required DateTimeOffset CreationTime { get; init; }

    public required DateTimeOffset LastModifiedTime { get; init; }
    public string? FailureReason { get; init; }

    /// <summary>The table's phrases, pronounced; empty until READY.</summary>
    public IReadOnlyList<VocabularyPhrase> Phrases { get; init; } = [];

    /// <summary>Names this version: a decoder that added these phrases serves only jobs of the same version.</summary>
    [JsonIgnore]
    public string VersionKey => $"{Key}@{LastModifiedTime.UtcTicks}";

    [JsonIgnore]
    public ResourceKey Key => new(AccountId, Name);
}

/// <summary>
/// One phrase as the engine uses it: the word it is recognised as, its pronunciations (ARPAbet
/// phones of the acoustic model, space separated) and how the transcript writes it.
/// </summary>
public sealed record VocabularyPhrase(string Word, IReadOnlyList<string> Pronunciations, string Display);
