namespace MedGrpc.Core.Model;

/// <summary>ListMedicalVocabularies in AWS terms; StateEquals holds the AWS value or null.</summary>
public sealed record VocabularyQuery(string? StateEquals, string? NameContains, string? NextToken, int? MaxResults)
{
    public const int DefaultMaxResults = 5;
}

/// <summary>One page of vocabularies, newest created first (as AWS lists them), and the opaque token of the next page.</summary>
public sealed record VocabularyPage(IReadOnlyList<Vocabulary> Vocabularies, string? NextToken);
