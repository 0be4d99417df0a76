using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using MedGrpc.Core.Errors;
using MedGrpc.Core.Media;
using MedGrpc.Core.Ports;

namespace MedGrpc.Ffmpeg;

/// <summary>Asks ffprobe what a media file holds.</summary>
public sealed class MediaProbe(ILogger<MediaProbe> log) : IMediaProbe
{
    /// <summary>Far longer than any real file's probe takes (milliseconds).</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <param name="input">A local path or an http(s) URL.</param>
    public async Task<MediaInfo> ProbeAsync(string input, CancellationToken ct)
    {
        var start = new ProcessStartInfo("ffprobe")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-v", "error", "-print_format", "json", "-show_format", "-show_streams", "-select_streams", "a", input })
            start.ArgumentList.Add(arg);

        using var process = Process.Start(start) ?? throw new InvalidOperationException("ffprobe could not be started: install ffmpeg.");
        // A hostile file must not hold a worker: ffprobe gets a bounded time, then is killed.
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bounded.CancelAfter(Timeout);
        string json, errors;
        try
        {
            var stdout = process.StandardOutput.ReadToEndAsync(bounded.Token);
            var stderr = process.StandardError.ReadToEndAsync(bounded.Token);
            await process.WaitForExitAsync(bounded.Token);
            json = await stdout;
            errors = (await stderr).Trim();
        }
        catch (OperationCanceledException)
        {
            try { process.Kill(entireProcessTree: true); }
            catch (InvalidOperationException) { /* exited meanwhile */ }
            if (ct.IsCancellationRequested) throw;
            log.LogInformation("ffprobe took longer than {TimeoutSeconds} s on the media", Timeout.TotalSeconds);
            throw new MediaRejectedException(JobFailureKind.UnsupportedMediaFormat, FailureReasons.UnsupportedMediaFormat);
        }
        if (process.ExitCode != 0)
        {
            log.LogInformation("ffprobe could not read the media: {FfprobeError}", errors);
            throw new MediaRejectedException(JobFailureKind.UnsupportedMediaFormat, FailureReasons.UnsupportedMediaFormat);
        }
        return Parse(json);
    }

    internal static MediaInfo Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var format = root.GetProperty("format");
        var container = format.TryGetProperty("format_name", out var name) ? name.GetString() ?? "" : "";
        if (!root.TryGetProperty("streams", out var streams) || streams.GetArrayLength() == 0)
            throw new MediaRejectedException(JobFailureKind.UnsupportedMediaFormat, FailureReasons.UnsupportedMediaFormat);
        var audio = streams[0];
        var codec = audio.TryGetProperty("codec_name", out var c) ? c.GetString() ?? "" : "";
        var sampleRate = ParseInt(audio, "sample_rate");
        var channels = audio.TryGetProperty("channels", out var ch) ? ch.GetInt32() : 0;
        var duration = ParseDouble(format, "duration") ?? ParseDouble(audio, "duration") ?? 0;
        var size = (long)(ParseDouble(format, "size") ?? 0);
        var brand = format.TryGetProperty("tags", out var tags) && tags.TryGetProperty("major_brand", out var b) ? b.GetString() : null;
        return new MediaInfo(container, ToMediaFormat(container, brand), codec, sampleRate, channels, duration, size);
    }

    /// <summary>ffprobe's container names to AWS MediaFormat values.</summary>
    internal static string? ToMediaFormat(string container, string? majorBrand)
    {
        var names = container.Split(',');
        if (names.Contains("wav")) return "wav";
        if (names.Contains("mp3")) return "mp3";
        if (names.Contains("flac")) return "flac";
        if (names.Contains("ogg")) return "ogg";
        if (names.Contains("amr")) return "amr";
        if (names.Contains("webm")) return "webm";
        if (names.Contains("mp4") || names.Contains("m4a"))
            return majorBrand?.Trim().StartsWith("M4A", StringComparison.OrdinalIgnoreCase) == true ? "m4a" : "mp4";
        return null;
    }

    private static int ParseInt(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && int.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : 0;

    private static double? ParseDouble(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;
}
