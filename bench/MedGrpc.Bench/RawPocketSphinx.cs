using System.Diagnostics;
using System.Text.Json;

namespace MedGrpc.Bench;

/// <summary>
/// The baseline: Debian's pocketsphinx_continuous on the same model, fed the same 16 kHz mono
/// PCM (converted by ffmpeg beforehand, outside the timing). Its hypotheses are written as
/// AWS-format JSON so that the scorer scores both sides alike.
/// </summary>
public static class RawPocketSphinx
{
    public const string ModelDir = "/usr/share/pocketsphinx/model/en-us";

    /// <returns>CPU seconds pocketsphinx_continuous used.</returns>
    public static async Task<double> TranscribeAsync(SpeechItem item, string hypDir)
    {
        var wav = Path.Combine(Path.GetTempPath(), $"medgrpc-bench-{item.Id}.wav");
        // bitexact: a plain 44-byte WAV header, which is what pocketsphinx_continuous skips.
        await RunAsync("ffmpeg", ["-nostdin", "-v", "error", "-y", "-i", item.File, "-map", "0:a:0", "-ac", "1", "-ar", "16000", "-acodec", "pcm_s16le", "-fflags", "+bitexact", "-flags:a", "+bitexact", wav]);
        try
        {
            // The shell's `times` prints the CPU its children used: the decoder's alone, exactly.
            var hypFile = Path.ChangeExtension(wav, ".txt");
            var times = await RunAsync("sh",
            [
                "-c", "pocketsphinx_continuous \"$@\" > \"$0\"; times", hypFile,
                "-infile", wav, "-hmm", Path.Combine(ModelDir, "en-us"), "-lm", Path.Combine(ModelDir, "en-us.lm.bin"),
                "-dict", Path.Combine(ModelDir, "cmudict-en-us.dict"), "-logfn", "/dev/null",
            ]);
            var cpu = ChildrenCpu(times);
            var output = await File.ReadAllTextAsync(hypFile);
            File.Delete(hypFile);
            var text = string.Join(' ', output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            var json = JsonSerializer.Serialize(new { jobName = item.Id, status = "COMPLETED", results = new { transcripts = new[] { new { transcript = text } }, items = Array.Empty<object>() } });
            await File.WriteAllTextAsync(Path.Combine(hypDir, $"{item.Id}.json"), json);
            return cpu;
        }
        finally
        {
            File.Delete(wav);
        }
    }

    // `times` prints two lines, the shell's "0m0.001s 0m0.002s" then its children's.
    private static double ChildrenCpu(string times)
    {
        var children = times.Trim().Split('\n')[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return children.Sum(Minutes);
    }

    private static double Minutes(string value)
    {
        var m = value.IndexOf('m');
        return double.Parse(value[..m], System.Globalization.CultureInfo.InvariantCulture) * 60
               + double.Parse(value[(m + 1)..].TrimEnd('s'), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<string> RunAsync(string file, string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} failed: {await stderr}");
        return await stdout;
    }
}
