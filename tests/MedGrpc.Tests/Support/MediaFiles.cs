using System.Diagnostics;
using MedGrpc.Core.Options;
using MedGrpc.Ffmpeg;

namespace MedGrpc.Tests.Support;

/// <summary>Media made for a test with the real ffmpeg, from the speech set's recordings or from a tone.</summary>
public static class MediaFiles
{
    private static readonly string Folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "medgrpc-tests", "media")).FullName;

    public static string GoForward => SpeechSet.Audio("dev-real-goforward.wav");

    // Made once per test run: classes running in parallel would otherwise rewrite the file under each other.
    private static readonly Lazy<string> ThirtySeconds = new(() => Convert(SpeechSet.Audio("dev-dict-01.wav"), "dictation-30s.wav", "-t", "30"));

    /// <summary>Thirty seconds of dictation: long enough to be caught mid-recognition, short enough to run twice.</summary>
    public static string Dictation30Seconds => ThirtySeconds.Value;

    /// <summary>
    /// A recording as the service's engine reads it (16 kHz 16-bit mono PCM, through the real MediaDecoder and its
    /// front end), whole or its first <paramref name="seconds"/>.
    /// </summary>
    public static async Task<byte[]> PcmAsync(string file, int? seconds = null, MediaOptions? options = null)
    {
        using var audio = (options is null ? new MediaDecoder() : new MediaDecoder(options)).Start(file);
        using var pcm = new MemoryStream();
        await audio.Pcm.CopyToAsync(pcm);
        await audio.CompleteAsync(default);
        var bytes = pcm.ToArray();
        return seconds is { } s ? bytes[..Math.Min(bytes.Length, s * 32000)] : bytes;
    }

    /// <summary>Runs ffmpeg with the given output options and returns the new file.</summary>
    public static string Convert(string source, string fileName, params string[] outputOptions)
    {
        var target = Path.Combine(Folder, fileName);
        Ffmpeg(["-i", source, .. outputOptions, target]);
        return target;
    }

    /// <summary>A sine tone from ffmpeg's lavfi source: seconds long, at a sample rate, with a number of channels.</summary>
    public static string Tone(string fileName, double seconds, int sampleRate, int channels = 1)
    {
        var target = Path.Combine(Folder, fileName);
        Ffmpeg(["-f", "lavfi", "-i", $"sine=frequency=440:sample_rate={sampleRate}:duration={seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
                "-ac", channels.ToString(), target]);
        return target;
    }

    public static string Bytes(string fileName, byte[] content)
    {
        var target = Path.Combine(Folder, fileName);
        File.WriteAllBytes(target, content);
        return target;
    }

    private static void Ffmpeg(string[] args)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-nostdin", "-v", "error", "-y" }.Concat(args)) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"ffmpeg failed: {errors}");
    }
}
