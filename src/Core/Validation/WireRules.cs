using MedGrpc.Core.Errors;

namespace MedGrpc.Core.Validation;

/// <summary>
/// The rules of a request's wire form, for an edge that reads members from text (the AWS endpoint's JSON): the body is a
/// JSON object, each member is one of the operation's and of its type, and an enum member holds one of its values. The
/// edge finds the fact while it reads; the error, worded as the rest, is made here.
/// </summary>
public static partial class RequestValidator
{
    public static ServiceException MalformedBody(string problem) =>
        ServiceException.BadRequest($"The request body isn't a JSON object of the operation's members: {problem}");

    public static ServiceException UnknownMember(string field, string operation) =>
        ServiceException.BadRequest($"'{field}' isn't a member of {operation}'s request. Check the member's name and case.", field);

    public static ServiceException WrongType(string field, string expected) =>
        ServiceException.BadRequest($"The value at '{field}' isn't {expected}.", field);

    /// <summary>An enum member's value, against its enum's values: AWS's "Member must satisfy enum value set".</summary>
    public static void CheckEnum(string value, string field, IReadOnlyList<string> allowed)
    {
        var c = new ConstraintChecker();
        c.Enum(value, field, allowed);
        c.ThrowIfAny();
    }
}
