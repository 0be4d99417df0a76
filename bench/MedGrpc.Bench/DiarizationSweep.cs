using System.Text.Json;
using MedGrpc.Core.Diarization;
using MedGrpc.Core.Media;
using MedGrpc.Core.Options;
using MedGrpc.Core.Ports;
using MedGrpc.Engines.PocketSphinx;
using MedGrpc.Ffmpeg;
using Microsoft.Extensions.Logging.Abstractions;

namespace MedGrpc.Bench;

/// <summary>
/// Tuning aid for the classical diarizer: recognises each mono conversation once, then runs the
/// diarizer with several settings and prints speakers found and diarization error per item.
/// </summary>
public static class DiarizationSweep
{
    public static async Task RunAsync(string speechDir, double seconds, bool defaultsOnly)
    {
        var items = File.ReadLines(Path.Combine(speechDir, "manifest.jsonl")).Select(l => JsonDocument.Parse(l).RootElement)
            .Where(e => e.GetProperty("variant").GetString() == "mono").ToList();
        using var engine = new PocketSphinxEngine(Microsoft.Extensions.Options.Options.Create(new PocketSphinxOptions()), NullLogger<PocketSphinxEngine>.Instance);
        var prepared = new List<(string Id, AcousticFeatures Features, Recognition Recognition, List<(double S, double E, string Who)> Turns)>();
        foreach (var item in items)
        {
            var features = new AcousticFeatures();
            var file = Path.Combine(speechDir, item.GetProperty("file").GetString()!);
            using var audio = new MediaDecoder().Start(file);
            Stream pcm = new LimitedStream(new FeatureTeeStream(audio.Pcm, features), (long)(seconds * PcmFormat.BytesPerSecond));
            var recognition = await engine.RecognizeAsync(pcm, RecognitionOptions.BestOnly, null, default);
            features.Complete();
            var turns = item.GetProperty("speakers").EnumerateArray()
                .Select(t => (t.GetProperty("start").GetDouble(), t.GetProperty("end").GetDouble(), t.GetProperty("speaker").GetString()!))
                .Where(t => t.Item1 < seconds).ToList();
            prepared.Add((item.GetProperty("id").GetString()!, features, recognition, turns));
        }

        // CPU of diarization alone with the defaults: MFCCs of the decoded PCM, then clustering.
        var cpu = TimeSpan.Zero;
        var audioSeconds = 0.0;
        foreach (var item in items.Zip(prepared))
        {
            using var audio = new MediaDecoder().Start(Path.Combine(speechDir, item.First.GetProperty("file").GetString()!));
            var pcm = new MemoryStream();
            await audio.Pcm.CopyToAsync(pcm);
            var bytes = pcm.ToArray()[..(int)Math.Min(pcm.Length, (long)(seconds * PcmFormat.BytesPerSecond))];
            audioSeconds += bytes.Length / (double)PcmFormat.BytesPerSecond;
            var before = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            var features = new AcousticFeatures();
            for (var offset = 0; offset < bytes.Length; offset += 4096) features.Add(bytes.AsSpan(offset, Math.Min(4096, bytes.Length - offset)));
            features.Complete();
            var turns = new BicDiarizer().Diarize(features, item.Second.Recognition, 10);
            cpu += System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - before;
            Console.WriteLine($"defaults {item.Second.Id}: {turns.Select(t => t.Speaker).Distinct().Count()} speakers, error {100 * Confusion(turns, item.Second.Turns).Wrong / Confusion(turns, item.Second.Turns).Total:F1}%");
        }
        Console.WriteLine($"diarization CPU per audio second (defaults): {cpu.TotalSeconds / audioSeconds:F4} ({cpu.TotalSeconds:F2} s for {audioSeconds:F0} s)");
        if (defaultsOnly) return;

        foreach (var penalty in new[] { 1.0, 1.5, 2.0, 2.5, 3.0, 4.0 })
        foreach (var share in new[] { 0.05, 0.1 })
        foreach (var maxSegment in new[] { 2.0, 3.0 })
        {
            var diarizer = new BicDiarizer { Penalty = penalty, MinSpeakerShare = share, MaxSegmentSeconds = maxSegment };
            var line = $"λ={penalty} share={share} seg={maxSegment}:";
            double wrong = 0, total = 0;
            foreach (var (id, features, recognition, refTurns) in prepared)
            {
                var turns = diarizer.Diarize(features, recognition, 10);
                var (w, t) = Confusion(turns, refTurns);
                wrong += w; total += t;
                line += $" {id[9..]}:{turns.Select(x => x.Speaker).Distinct().Count()}spk/{100 * w / t:F0}%";
            }
            Console.WriteLine($"{line}  overall {100 * wrong / total:F1}%");
        }
    }

    /// <summary>Reference speech time labelled with the wrong speaker after the best mapping of labels (10 ms frames).</summary>
    private static (double Wrong, double Total) Confusion(IReadOnlyList<SpeakerTurn> hyp, List<(double S, double E, string Who)> reference)
    {
        var counts = new Dictionary<(string, int), int>();
        var total = 0;
        foreach (var (s, e, who) in reference)
            for (var t = s; t < e; t += 0.01)
            {
                total++;
                var turn = hyp.FirstOrDefault(h => t >= h.Start && t < h.End);
                if (turn is null) continue;
                counts[(who, turn.Speaker)] = counts.GetValueOrDefault((who, turn.Speaker)) + 1;
            }
        // Greedy one-to-one mapping, biggest overlaps first.
        var used = new HashSet<string>();
        var usedSpk = new HashSet<int>();
        var correct = 0;
        foreach (var ((who, spk), n) in counts.OrderByDescending(kv => kv.Value))
            if (used.Add(who) && usedSpk.Add(spk)) correct += n;
            else if (used.Contains(who) && usedSpk.Contains(spk)) { }
        var labelled = counts.Values.Sum();
        return (labelled - correct, total);
    }

    private sealed class LimitedStream(Stream inner, long limit) : ReadOnlyStream
    {
        private long _read;
        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_read >= limit) return inner.Read(buffer, offset, 0);
            var n = inner.Read(buffer, offset, (int)Math.Min(count, limit - _read));
            _read += n;
            return n;
        }
    }
}
