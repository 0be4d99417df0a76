namespace MedGrpc.Core.Ports;

/// <summary>What makes an object key safe in every store: a relative path that stays inside its bucket.</summary>
public static class ObjectKeys
{
    /// <summary>Why the key is refused, or null when it is fine.</summary>
    public static string? Problem(string key)
    {
        if (key.Length == 0) return "The object key is empty.";
        if (key.StartsWith('/')) return $"The object key '{key}' is absolute: keys are relative to their bucket.";
        if (key.Contains('\\') || key.Contains('\0')) return $"The object key '{key}' holds a backslash or NUL character.";
        if (key.Split('/').Any(part => part is ".." or "." or ""))
            return $"The object key '{key}' holds '.', '..' or an empty path part: keys may not leave their bucket.";
        return null;
    }

    /// <summary>A bucket name of an s3:// URI that names a folder of its own (not ".", "..", nor a path).</summary>
    public static bool IsSafeBucketName(string bucket) =>
        bucket is not ("." or "..") && bucket.IndexOfAny(['\\', '\0']) < 0;
}
