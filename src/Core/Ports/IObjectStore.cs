namespace MedGrpc.Core.Ports;

/// <summary>
/// Buckets of objects: media in, transcripts out. Embedded: folders under the data dir; scale-out: an S3-compatible service.
/// Keys are checked by the store: one that would escape its bucket is an <see cref="InvalidObjectKeyException"/>.
/// </summary>
public interface IObjectStore
{
    /// <summary>
    /// The http(s) endpoint whose path-style URLs (ENDPOINT/BUCKET/KEY) name this store's objects, as an S3-compatible
    /// service's; null when there is none of its own (folders, or AWS S3 itself, known by its host names).
    /// </summary>
    Uri? Endpoint { get; }

    Task<bool> BucketExistsAsync(string bucket, CancellationToken ct);

    /// <summary>Size in bytes, or null when there is no such object.</summary>
    Task<long?> GetSizeAsync(S3Location location, CancellationToken ct);

    Task<Stream> OpenReadAsync(S3Location location, CancellationToken ct);

    /// <summary>Writes the object whole: readers see the old object or the new one, never half of it. Creates the bucket when missing.</summary>
    Task<long> WriteAsync(S3Location location, Stream content, CancellationToken ct);

    Task<bool> DeleteAsync(S3Location location, CancellationToken ct);

    Task<IReadOnlyList<(string Key, long Size)>> ListAsync(string bucket, string prefix, CancellationToken ct);

    /// <summary>A local file with the object's bytes, for tools that need a path (ffprobe, ffmpeg).</summary>
    Task<LocalObject> GetLocalFileAsync(S3Location location, CancellationToken ct);
}

/// <summary>A local copy (or the file itself) of an object; disposing removes a temporary copy.</summary>
public sealed class LocalObject(string path, bool temporary) : IDisposable
{
    public string Path { get; } = path;

    public void Dispose()
    {
        if (temporary) File.Delete(Path);
    }
}

public sealed class InvalidObjectKeyException(string message) : Exception(message);
