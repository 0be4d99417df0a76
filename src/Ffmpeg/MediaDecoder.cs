using System.Diagnostics;
using MedGrpc.Core.Errors;
using MedGrpc.Core.Media;
using MedGrpc.Core.Ports;
using Microsoft.Extensions.Options;

namespace MedGrpc.Ffmpeg;

/// <summary>
/// Decodes any supported media to the engines' PCM with ffmpeg, streamed through a pipe so that
/// a four-hour recording is never held in memory.
/// </summary>
public sealed class MediaDecoder(MediaOptions options) : IMediaDecoder
{
    public MediaDecoder() : this(new MediaOptions()) { }

    public MediaDecoder(IOptions<MediaOptions> options) : this(options.Value) { }

    /// <param name="input">A local path or an http(s) URL.</param>
    /// <param name="channel">One channel alone (0-based), or null for all channels mixed down.</param>
    public IDecodedAudio Start(string input, int? channel = null)
    {
        var denoise = !string.IsNullOrWhiteSpace(options.NoiseReduction) && IsNoisy(input, channel);
        var process = Process.Start(Ffmpeg(input, Filters(channel, denoise))) ?? throw new InvalidOperationException("ffmpeg could not be started: install ffmpeg.");
        return new DecodedAudio(process);
    }

    /// <summary>
    /// Whether the recording (or the channel) is noisy enough for the noise filter: a first, plain decode measures
    /// how far its loud frames stand above its quiet ones (<see cref="LevelSpread"/>). The filter helps under steady
    /// noise and costs words on clean speech, real voices most (measured: docs/engines.md, "Background noise"), so it
    /// runs only where the pauses are filled with noise. The first decode costs ffmpeg's time alone, a small fraction
    /// of recognition's.
    /// </summary>
    internal bool IsNoisy(string input, int? channel)
    {
        if (options.NoiseReductionBelowSpreadDb <= 0) return false;
        var spread = new LevelSpread();
        using (var process = Process.Start(Ffmpeg(input, Filters(channel, denoise: false))) ?? throw new InvalidOperationException("ffmpeg could not be started: install ffmpeg."))
        {
            _ = process.StandardError.ReadToEndAsync(); // drained, or a chatty ffmpeg would stall
            var buffer = new byte[64 * 1024];
            int read;
            while ((read = process.StandardOutput.BaseStream.Read(buffer)) > 0) spread.Add(buffer.AsSpan(0, read));
            process.WaitForExit();
            // A recording ffmpeg cannot decode fails in the real decode, with its message; here it is just not noisy.
            if (process.ExitCode != 0) return false;
        }
        return spread.Frames > 0 && spread.SpreadDb < options.NoiseReductionBelowSpreadDb;
    }

    private static ProcessStartInfo Ffmpeg(string input, string[] filters)
    {
        var start = new ProcessStartInfo("ffmpeg")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-nostdin", "-hide_banner", "-v", "error", "-i", input, "-map", "0:a:0" }
                     .Concat(filters)
                     .Concat(["-ar", PcmFormat.SampleRate.ToString(), "-f", "s16le", "-acodec", "pcm_s16le", "pipe:1"]))
            start.ArgumentList.Add(arg);
        return start;
    }

    /// <summary>
    /// Runs the configured noise filter over a tenth of a second of silence, so that a filter ffmpeg cannot parse
    /// stops the service at start with ffmpeg's own words, rather than failing every job as corrupt media.
    /// </summary>
    public void CheckNoiseReduction()
    {
        if (string.IsNullOrWhiteSpace(options.NoiseReduction)) return;
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { "-nostdin", "-hide_banner", "-v", "error", "-f", "lavfi", "-i", $"anullsrc=r={PcmFormat.SampleRate}:cl=mono",
                     "-t", "0.1", "-af", options.NoiseReduction, "-f", "null", "-" })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("ffmpeg could not be started: install ffmpeg.");
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException(
                $"{MediaOptions.Section}:NoiseReduction '{options.NoiseReduction}' is not an ffmpeg audio filter ffmpeg can run: {errors.Trim()}");
    }

    /// <summary>
    /// The channel (or the mix), then the noise filter on what the engines hear, 16 kHz mono: the filter was tuned
    /// there, and denoising it costs a fraction of denoising a 48 kHz stereo original.
    /// </summary>
    private string[] Filters(int? channel, bool denoise)
    {
        var pick = channel is { } c ? $"pan=mono|c0=c{c}" : null;
        if (!denoise)
            return pick is null ? ["-ac", "1"] : ["-af", pick];
        var engineFormat = $"aformat=sample_rates={PcmFormat.SampleRate}:channel_layouts=mono";
        return ["-af", string.Join(',', new[] { pick, engineFormat, options.NoiseReduction }.OfType<string>())];
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
