namespace MedGrpc.Core.Model;

/// <summary>One row of a vocabulary table, as written in the file (empty columns are null).</summary>
/// <param name="Line">1-based line number in the file, for failure reasons.</param>
public sealed record VocabularyEntry(int Line, string Phrase, string? Ipa, string? SoundsLike, string? DisplayAs);
