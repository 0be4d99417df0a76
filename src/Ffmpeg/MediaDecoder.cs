using System.Diagnostics;
using MedGrpc.Core.Errors;
using MedGrpc.Core.Media;
using MedGrpc.Core.Ports;

namespace MedGrpc.Ffmpeg;

/// <summary>
/// Decodes any supported media to the engines' PCM with ffmpeg, streamed through a pipe so that
/// a four-hour recording is never held in memory.
/// </summary>
public sealed class MediaDecoder : IMediaDecoder
{
    /// <param name="input">A local path or an http(s) URL.</param>
    /// <param name="channel">One channel alone (0-based), or null for all channels mixed down.</param>
    public IDecodedAudio Start(string input, int? channel = null)
    {
        var start = new ProcessStartInfo("ffmpeg")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] mix = channel is { } c ? ["-af", $"pan=mono|c0=c{c}"] : ["-ac", "1"];
        foreach (var arg in new[] { "-nostdin", "-hide_banner", "-v", "error", "-i", input, "-map", "0:a:0" }
                     .Concat(mix)
                     .Concat(["-ar", PcmFormat.SampleRate.ToString(), "-f", "s16le", "-acodec", "pcm_s16le", "pipe:1"]))
            start.ArgumentList.Add(arg);
        var process = Process.Start(start) ?? throw new InvalidOperationException("ffmpeg could not be started: install ffmpeg.");
        return new DecodedAudio(process);
    }
}

/// <summary>A running ffmpeg: read <see cref="Pcm"/> to its end, then <see cref="CompleteAsync"/> tells whether decoding succeeded.</summary>
public sealed class DecodedAudio : IDecodedAudio
{
    private readonly Process _process;
    private readonly Task<string> _errors;

    internal DecodedAudio(Process process)
    {
        _process = process;
        // Drain stderr all along: a full pipe would stall ffmpeg.
        _errors = process.StandardError.ReadToEndAsync();
    }

    public Stream Pcm => _process.StandardOutput.BaseStream;

    /// <summary>Waits for ffmpeg; a failed decode of a file that probed fine means corrupt data.</summary>
    public async Task CompleteAsync(CancellationToken ct)
    {
        await _process.WaitForExitAsync(ct);
        var errors = (await _errors).Trim();
        if (_process.ExitCode != 0)
            throw new MediaRejectedException(JobFailureKind.CorruptMedia, FailureReasons.CorruptMedia(FirstLine(errors)));
    }

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', 2)[0].Trim();
        return line.Length == 0 ? "ffmpeg failed" : line.Length > 200 ? line[..200] : line;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            try { _process.Kill(entireProcessTree: true); }
            catch (InvalidOperationException) { /* exited meanwhile */ }
        }
        _process.Dispose();
    }
}
