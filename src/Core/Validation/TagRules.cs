using MedGrpc.Core.Errors;

namespace MedGrpc.Core.Validation;

/// <summary>
/// The tag rules that need the stores: the resource an ARN names exists (and is the caller's), and a resource keeps at
/// most <see cref="MaxTagsPerResource"/> tags. The member rules of ARNs, keys and values are in RequestValidator.cs.
/// </summary>
public static partial class RequestValidator
{
    /// <summary>AWS's limit on the tags of one resource is the model's TagList maximum.</summary>
    public const int MaxTagsPerResource = 200;

    /// <summary>Another account's resource is not found, as one that doesn't exist.</summary>
    public static void CheckTaggedResourceExists(string resourceArn, bool exists)
    {
        if (!exists) throw ServiceException.ResourceNotFound(resourceArn);
    }

    /// <summary>The tags the resource would have: its current keys and the new ones, counted once each.</summary>
    public static void CheckTagTotal(IEnumerable<string> currentKeys, IEnumerable<string> newKeys)
    {
        var total = currentKeys.Union(newKeys, StringComparer.Ordinal).Count();
        if (total > MaxTagsPerResource)
            throw ServiceException.BadRequest(
                $"The resource would have {total} tags: a resource can have at most {MaxTagsPerResource}. Remove tags with UntagResource first.", "tags");
    }
}
