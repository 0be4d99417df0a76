namespace MedGrpc.Core.Media;

/// <summary>What ffprobe found in a media file: its container and its first audio stream.</summary>
/// <param name="Container">ffprobe's format_name, e.g. "wav", "ogg", "mov,mp4,m4a,3gp,3g2,mj2".</param>
/// <param name="MediaFormat">The AWS MediaFormat this container is, or null when it is none of them.</param>
public sealed record MediaInfo(
    string Container,
    string? MediaFormat,
    string Codec,
    int SampleRate,
    int Channels,
    double DurationSeconds,
    long SizeBytes);
