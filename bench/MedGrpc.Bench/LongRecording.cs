using System.Diagnostics;
using System.Globalization;
using MedGrpc.Scoring;

namespace MedGrpc.Bench;

/// <summary>
/// A long recording made with ffmpeg from the development set's mono items (dictations, mono conversation mixes,
/// real clips, in manifest order, again from the first until long enough), with its reference: the items'
/// references in the same order, so the whole can be scored like one item.
/// </summary>
public sealed record LongRecording(string Path, double Seconds, int Items, ManifestItem Reference)
{
    public static LongRecording Build(string speechDir, string folder, string name, double minSeconds, Func<SpeechItem, bool>? only = null)
    {
        var manifest = Manifest.Load(System.IO.Path.Combine(speechDir, "manifest.jsonl")).ToDictionary(i => i.Id);
        var pool = SpeechItem.Load(speechDir)
            .Where(i => manifest[i.Id] is { Channels: 1, ExpectFailure: false } && (only is null || only(i)))
            .ToList();
        var chosen = new List<SpeechItem>();
        for (var seconds = 0.0; seconds < minSeconds; seconds += chosen[^1].DurationSeconds)
            chosen.Add(pool[chosen.Count % pool.Count]);

        var path = System.IO.Path.Combine(folder, name + ".wav");
        // Each input to the engines' PCM first (the items differ in rate and codec), then one after the other.
        var filter = string.Concat(chosen.Select((_, i) => $"[{i}:a]aformat=sample_fmts=s16:sample_rates=16000:channel_layouts=mono[a{i}];"))
                     + string.Concat(chosen.Select((_, i) => $"[a{i}]")) + $"concat=n={chosen.Count}:v=0:a=1[out]";
        Ffmpeg([.. chosen.SelectMany(i => new[] { "-i", i.File }), "-filter_complex", filter, "-map", "[out]", "-c:a", "pcm_s16le", path]);

        var items = chosen.Select(i => manifest[i.Id]).ToList();
        var reference = new ManifestItem(name, "DICTATION", "", false, string.Join(' ', items.Select(i => i.Reference)),
            items.SelectMany(i => i.MedicalTerms).Distinct().ToList(), [], 1);
        return new LongRecording(path, chosen.Sum(i => i.DurationSeconds), chosen.Count, reference);
    }

    /// <summary>This recording played over and over for <paramref name="seconds"/>, as FLAC (a 4-hour WAV would be 460 MB).</summary>
    public string Looped(string folder, double seconds)
    {
        var looped = System.IO.Path.Combine(folder, $"looped-{seconds:F0}s.flac");
        Ffmpeg(["-stream_loop", "-1", "-i", Path, "-t", seconds.ToString(CultureInfo.InvariantCulture), "-c:a", "flac", looped]);
        return looped;
    }

    private static void Ffmpeg(string[] args)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-nostdin", "-v", "error", "-y" }.Concat(args)) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("ffmpeg could not be started: install ffmpeg.");
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"ffmpeg failed: {errors}");
    }
}
