namespace MedGrpc.Core.Media;

/// <summary>AWS's media quotas (docs/contract.md, "Job lifecycle").</summary>
public static class MediaLimits
{
    public const long MaxSizeBytes = 2L * 1024 * 1024 * 1024;
    public const double MaxDurationSeconds = 4 * 3600;
    public const double MinDurationSeconds = 0.5;
    public const int MaxChannelsForChannelIdentification = 2;
}
