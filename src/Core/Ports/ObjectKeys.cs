namespace MedGrpc.Core.Ports;

/// <summary>What makes an object key safe in every store: a relative path that stays inside its bucket.</summary>
public static class ObjectKeys
{
    /// <summary>Why the key is refused, or null when it is fine.</summary>
    public const int MaxKeyBytes = 1024;
    public const int MaxKeyPartBytes = 255;
    public const int MaxBucketNameLength = 63;

    public static string? Problem(string key)
    {
        if (key.Length == 0) return "The object key is empty.";
        if (key.StartsWith('/')) return $"The object key '{key}' is absolute: keys are relative to their bucket.";
        if (key.Contains('\\') || key.Contains('\0')) return $"The object key '{key}' holds a backslash or NUL character.";
        if (key.Split('/').Any(part => part is ".." or "." or ""))
            return $"The object key '{key}' holds '.', '..' or an empty path part: keys may not leave their bucket.";
        // S3's own limit on a key, and the file system's on a name: the embedded store keeps each part as a folder or file.
        if (System.Text.Encoding.UTF8.GetByteCount(key) > MaxKeyBytes) return $"The object key is longer than {MaxKeyBytes} bytes (UTF-8).";
        if (key.Split('/').Any(part => System.Text.Encoding.UTF8.GetByteCount(part) > MaxKeyPartBytes))
            return $"A part of the object key between slashes is longer than {MaxKeyPartBytes} bytes (UTF-8).";
        return null;
    }

    /// <summary>A bucket name of an s3:// URI that names a folder of its own (not ".", "..", nor a path).</summary>
    public static bool IsSafeBucketName(string bucket) =>
        bucket is not ("." or "..") && bucket.IndexOfAny(['\\', '\0']) < 0;
}
