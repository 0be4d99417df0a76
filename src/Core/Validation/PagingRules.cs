using MedGrpc.Core.Errors;
using MedGrpc.Core.Ports;

namespace MedGrpc.Core.Validation;

/// <summary>A List's NextToken must be one an earlier response of the same List gave.</summary>
public static partial class RequestValidator
{
    public const string ListJobsOperation = "ListMedicalTranscriptionJobs";
    public const string ListVocabulariesOperation = "ListMedicalVocabularies";

    /// <summary>Throws the BadRequest naming 'nextToken' when the token doesn't decode.</summary>
    public static void CheckNextToken(string? nextToken, string operation)
    {
        if (nextToken is not null && !PageToken.TryDecode(nextToken, out _, out _)) throw InvalidNextToken(operation);
    }

    /// <summary>The error of a NextToken that doesn't decode; a store that decodes one throws it too.</summary>
    public static ServiceException InvalidNextToken(string operation) =>
        ServiceException.BadRequest($"The value at 'nextToken' isn't valid: pass the NextToken of an earlier {operation} response unchanged.", "nextToken");
}
