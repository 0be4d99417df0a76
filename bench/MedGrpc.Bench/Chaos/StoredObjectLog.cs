using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace MedGrpc.Bench.Chaos;

/// <summary>
/// Every object s3rver stored, from its own log ("Stored object "K" in bucket "B" successfully", written once the object
/// and its metadata are on disk), with the bench's time of receipt: how many times each transcript key was written,
/// and when. s3rver keeps no versions, so a second write of a key shows here and nowhere else.
/// </summary>
public sealed partial class StoredObjectLog(string bucket)
{
    private readonly ConcurrentQueue<(string Key, DateTime At)> _writes = new();

    public IReadOnlyList<(string Key, DateTime At)> Writes => [.. _writes];

    public void OnLine(string line)
    {
        var match = Stored().Match(line);
        if (match.Success && match.Groups[2].Value == bucket) _writes.Enqueue((match.Groups[1].Value, DateTime.UtcNow));
    }

    [GeneratedRegex("""Stored object "(.+)" in bucket "(.+)" successfully""")]
    private static partial Regex Stored();
}
