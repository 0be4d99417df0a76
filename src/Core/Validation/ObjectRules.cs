using MedGrpc.Core.Errors;
using MedGrpc.Core.Ports;

namespace MedGrpc.Core.Validation;

/// <summary>The bucket and key of an ObjectStore request (PutObject, GetObject, ListObjects, DeleteObject).</summary>
public static partial class RequestValidator
{
    /// <summary>The object a request names: a safe key (checked first), then a bucket name that isn't empty.</summary>
    public static S3Location ValidateObjectLocation(string bucket, string key)
    {
        if (ObjectKeys.Problem(key) is { } problem) throw ServiceException.BadRequest(problem, "key");
        return new S3Location(ValidateBucket(bucket), key);
    }

    /// <summary>The bucket a request names: not empty, at most 63 characters (S3's limit), one folder name (no slash, not "." nor "..").</summary>
    public static string ValidateBucket(string bucket)
    {
        if (bucket.Length == 0) throw ServiceException.BadRequest("The bucket name is empty.", "bucket");
        if (bucket.Length > ObjectKeys.MaxBucketNameLength)
            throw ServiceException.BadRequest($"The bucket name is longer than {ObjectKeys.MaxBucketNameLength} characters.", "bucket");
        if (!ObjectKeys.IsSafeBucketName(bucket) || bucket.Contains('/'))
            throw ServiceException.BadRequest($"The bucket name '{bucket}' isn't a bucket name: no slash, backslash or NUL, not '.' nor '..'.", "bucket");
        return bucket;
    }
}
