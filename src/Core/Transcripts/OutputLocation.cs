using MedGrpc.Core.Ports;

namespace MedGrpc.Core.Transcripts;

/// <summary>Where a job's transcript lands (docs/contract.md, "Where the transcript lands").</summary>
public static class OutputLocation
{
    public static S3Location For(string bucket, string? outputKey, string jobName)
    {
        if (string.IsNullOrEmpty(outputKey)) return new S3Location(bucket, $"{jobName}.json");
        if (outputKey.EndsWith(".json", StringComparison.Ordinal)) return new S3Location(bucket, outputKey);
        // A key without .json is a folder; "dir/" and "dir" mean the same folder.
        var folder = outputKey.TrimEnd('/');
        return new S3Location(bucket, folder.Length == 0 ? $"{jobName}.json" : $"{folder}/{jobName}.json");
    }
}
