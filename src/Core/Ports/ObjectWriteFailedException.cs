namespace MedGrpc.Core.Ports;

/// <summary>
/// The object store was reached but refused the write (a full disk, a read-only file system): the job
/// that wrote fails with this message, and no part of the object is left under its key.
/// </summary>
public sealed class ObjectWriteFailedException(string message, Exception inner) : Exception(message, inner)
{
    // errno values that .NET puts in IOException.HResult on Linux.
    private const int NoSpace = 28;
    private const int ReadOnlyFileSystem = 30;
    private const int QuotaExceeded = 122;

    /// <summary>The write of the object failed with this I/O error; the message names the object, never a server path.</summary>
    public static ObjectWriteFailedException For(S3Location location, Exception e) =>
        new($"{location} couldn't be written: {Reason(e)}.", e);

    private static string Reason(Exception e) => e switch
    {
        IOException { HResult: NoSpace or QuotaExceeded } => "the disk holding its bucket is full",
        IOException { HResult: ReadOnlyFileSystem } => "the file system holding its bucket is read-only",
        UnauthorizedAccessException => "the service may not write to its bucket",
        _ => "an I/O error in its bucket",
    };
}
