namespace MedGrpc.Core.Model;

/// <summary>The stage names a job reports through WatchJob.</summary>
public static class JobStages
{
    public const string Queued = "queued";
    public const string Decode = "decode";
    public const string Recognize = "recognize";
    public const string Diarize = "diarize";
    public const string Write = "write";
    public const string Completed = "completed";
    public const string Failed = "failed";
}
