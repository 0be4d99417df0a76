using System.Security.Cryptography;
using System.Text.Json;

namespace MedGrpc.Bench.Chaos;

/// <summary>
/// The transcript objects s3rver holds at the end, read from its folder (each object a file, beside the MD5 s3rver
/// computed as it stored it): whole when the content's MD5 is the stored one and it parses as a transcript, and whose.
/// </summary>
public static class TranscriptObjects
{
    private const string ObjectSuffix = "._S3rver_object";

    public sealed record StoredObject(string Key, long Size, bool Whole, string? JobName);

    public static IReadOnlyList<StoredObject> Read(string s3rverDir, string bucket)
    {
        var root = Path.Combine(s3rverDir, bucket);
        if (!Directory.Exists(root)) return [];
        return Directory.EnumerateFiles(root, "*" + ObjectSuffix, SearchOption.AllDirectories)
            .Select(path =>
            {
                var key = Path.GetRelativePath(root, path)[..^ObjectSuffix.Length].Replace(Path.DirectorySeparatorChar, '/');
                var content = File.ReadAllBytes(path);
                var md5 = File.Exists(path + ".md5") ? File.ReadAllText(path + ".md5").Trim() : null;
                var jobName = JobNameOf(content);
                return new StoredObject(key, content.Length, md5 == Convert.ToHexStringLower(MD5.HashData(content)) && jobName is not null, jobName);
            })
            .OrderBy(o => o.Key, StringComparer.Ordinal)
            .ToList();
    }

    private static string? JobNameOf(byte[] content)
    {
        try
        {
            using var json = JsonDocument.Parse(content);
            return json.RootElement.GetProperty("jobName").GetString();
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }
}
