using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace MedGrpc.Bench;

/// <summary>
/// Variants of the development dictations that the speech set does not hold, written to a temporary speech set (audio
/// and a manifest with the same ids and references) so that the accuracy bench and the scorer run on them unchanged:
/// the dictations under pink noise at a given signal-to-noise ratio, or spoken again by a voice the set never used.
/// Both are made here, with ffmpeg and the synthesizers scripts/setup.sh installs, so the figures are reproducible
/// from the repository alone.
/// </summary>
public static class DerivedSpeechSet
{
    /// <summary>Every dictation with steady pink noise mixed in, <paramref name="snrDb"/> below the speech's mean level.</summary>
    public static async Task<string> NoisyAsync(string speechDir, double snrDb)
    {
        var target = Target($"noise-{snrDb.ToString(CultureInfo.InvariantCulture)}db");
        await WriteAsync(speechDir, target, async (item, wav) =>
        {
            var clean = wav + ".clean.wav";
            await FfmpegAsync("-i", item["__path"]!.GetValue<string>(), "-ac", "1", "-ar", "16000", clean);
            var seconds = item["duration_s"]!.GetValue<double>().ToString("F3", CultureInfo.InvariantCulture);
            // A fixed seed per item: the same noise every run, so runs differ only by what the service does.
            var seed = (uint)item["id"]!.GetValue<string>().Aggregate(17, (h, c) => h * 31 + c);
            var noise = wav + ".noise.wav";
            await FfmpegAsync("-f", "lavfi", "-i", $"anoisesrc=color=pink:sample_rate=16000:amplitude=0.1:duration={seconds}:seed={seed}", noise);
            // volumedetect's mean volume is the RMS level in dBFS: the gain puts the noise snrDb below the speech.
            var gain = await MeanVolumeAsync(clean) - snrDb - await MeanVolumeAsync(noise);
            await FfmpegAsync("-i", clean, "-i", noise, "-filter_complex",
                $"[1]volume={gain.ToString("F2", CultureInfo.InvariantCulture)}dB[n];[0][n]amix=inputs=2:normalize=0:duration=first", "-ar", "16000", wav);
            File.Delete(clean);
            File.Delete(noise);
        });
        return target;
    }

    /// <summary>
    /// Every dictation's reference spoken by <paramref name="voice"/>: a flite voice (kal16, kal) or "espeak:VOICE"
    /// for espeak-ng (espeak:en-us).
    /// </summary>
    public static async Task<string> RevoicedAsync(string speechDir, string voice)
    {
        var target = Target($"voice-{voice.Replace(':', '-')}");
        await WriteAsync(speechDir, target, async (item, wav) =>
        {
            var text = item["reference"]!.GetValue<string>();
            var raw = wav + ".voice.wav";
            if (voice.StartsWith("espeak:", StringComparison.Ordinal))
                await RunAsync("espeak-ng", "-v", voice["espeak:".Length..], "-w", raw, text);
            else
                await RunAsync("flite", "-voice", voice, "-t", text, "-o", raw);
            await FfmpegAsync("-i", raw, "-ac", "1", "-ar", "16000", wav);
            File.Delete(raw);
        });
        return target;
    }

    private static string Target(string name)
    {
        // One folder per bench process: two benches at once must not rewrite each other's audio.
        var dir = Path.Combine(Path.GetTempPath(), "medgrpc-bench", "derived", $"{name}-{Environment.ProcessId}");
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        Directory.CreateDirectory(Path.Combine(dir, "audio"));
        return dir;
    }

    /// <summary>The set's dictations, each made into a 16 kHz wav by <paramref name="make"/>, with a manifest saying so.</summary>
    private static async Task WriteAsync(string speechDir, string target, Func<JsonObject, string, Task> make)
    {
        var lines = new List<string>();
        foreach (var line in File.ReadLines(Path.Combine(speechDir, "manifest.jsonl")).Where(l => l.Trim().Length > 0))
        {
            var item = JsonNode.Parse(line)!.AsObject();
            if (item["type"]!.GetValue<string>() != "DICTATION") continue;
            var file = $"audio/{item["id"]!.GetValue<string>()}.wav";
            item["__path"] = Path.Combine(speechDir, item["file"]!.GetValue<string>());
            var wav = Path.Combine(target, file);
            await make(item, wav);
            item.Remove("__path");
            item["file"] = file;
            item["format"] = "wav";
            item["codec"] = "pcm_s16le";
            item["container"] = "wav";
            item["sample_rate"] = 16000;
            item["duration_s"] = await DurationAsync(wav);
            lines.Add(item.ToJsonString());
        }
        await File.WriteAllLinesAsync(Path.Combine(target, "manifest.jsonl"), lines);
    }

    private static async Task<double> MeanVolumeAsync(string wav)
    {
        var (_, errors) = await RunAsync("ffmpeg", "-hide_banner", "-nostdin", "-i", wav, "-af", "volumedetect", "-f", "null", "-");
        var line = errors.Split('\n').First(l => l.Contains("mean_volume:"));
        return double.Parse(line[(line.IndexOf("mean_volume:", StringComparison.Ordinal) + 12)..].Replace("dB", "").Trim(), CultureInfo.InvariantCulture);
    }

    private static async Task<double> DurationAsync(string wav)
    {
        var (output, _) = await RunAsync("ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", wav);
        return Math.Round(double.Parse(output.Trim(), CultureInfo.InvariantCulture), 3);
    }

    private static Task FfmpegAsync(params string[] args) => RunAsync("ffmpeg", ["-hide_banner", "-nostdin", "-v", "error", "-y", .. args]);

    /// <summary>Runs a tool to its end and returns what it wrote; a failure stops the bench with its stderr.</summary>
    private static async Task<(string Output, string Errors)> RunAsync(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var p = Process.Start(start) ?? throw new InvalidOperationException($"{tool} could not be started: run scripts/setup.sh");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = await p.StandardError.ReadToEndAsync();
        var output = await stdout;
        await p.WaitForExitAsync();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{tool} {string.Join(' ', args)} failed: {stderr.Trim()}");
        return (output, stderr);
    }
}
