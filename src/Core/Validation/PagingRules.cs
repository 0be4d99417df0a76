using MedGrpc.Core.Errors;
using MedGrpc.Core.Model;
using MedGrpc.Core.Ports;

namespace MedGrpc.Core.Validation;

/// <summary>A List's NextToken must be one this service issued, to the same account, for the same List and filters.</summary>
public static partial class RequestValidator
{
    /// <summary>
    /// The cursor a NextToken carries, or null when there is no token; the BadRequest naming 'nextToken' when the token
    /// doesn't read back with the service's key under this scope (forged, altered, another account's or other filters').
    /// </summary>
    public static PageCursor? ReadNextToken(string? nextToken, PageScope scope, byte[] key)
    {
        if (nextToken is null) return null;
        return PageToken.TryRead(key, scope, nextToken, out var cursor) ? cursor : throw InvalidNextToken(scope.Operation);
    }

    /// <summary>The error of a NextToken this service didn't issue for this request.</summary>
    private static ServiceException InvalidNextToken(string operation) =>
        ServiceException.BadRequest(
            $"The value at 'nextToken' isn't valid: pass the NextToken of an earlier {operation} response unchanged, with the same filters.",
            "nextToken");
}
