namespace MedGrpc.Core.Vocabularies;

/// <summary>The vocabulary file breaks a rule of the table format; the message is the vocabulary's FailureReason.</summary>
public sealed class VocabularyFileException(string message) : Exception(message)
{
    public static VocabularyFileException AtLine(int line, string problem) =>
        new($"The vocabulary file has an error on line {line}: {problem}");
}
