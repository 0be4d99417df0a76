using System.Diagnostics;
using System.Globalization;

namespace MedGrpc.Bench.ScaleOut;

/// <summary>A stretch of a recording cut with ffmpeg into 16 kHz mono WAV: the bench's job media.</summary>
public static class AudioClip
{
    public static async Task CutAsync(string source, double fromSeconds, double seconds, string target, CancellationToken ct)
    {
        string[] args =
        [
            "-nostdin", "-v", "error", "-y", "-ss", Seconds(fromSeconds), "-t", Seconds(seconds), "-i", source,
            "-map", "0:a:0", "-ac", "1", "-ar", "16000", "-acodec", "pcm_s16le", target,
        ];
        using var ffmpeg = Process.Start(new ProcessStartInfo("ffmpeg", args) { RedirectStandardError = true, UseShellExecute = false })
            ?? throw new InvalidOperationException("could not start ffmpeg");
        var errors = ffmpeg.StandardError.ReadToEndAsync(ct);
        await ffmpeg.WaitForExitAsync(ct);
        if (ffmpeg.ExitCode != 0) throw new InvalidOperationException($"ffmpeg could not cut {source}: {await errors}");
    }

    private static string Seconds(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
