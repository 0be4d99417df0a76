using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using MedGrpc.Core.Engines;
using MedGrpc.Core.Jobs;
using MedGrpc.Core.Media;
using MedGrpc.Core.Ports;
using MedGrpc.Engines.PocketSphinx;
using MedGrpc.Ffmpeg;
using MedGrpc.Scoring;
using Microsoft.Extensions.Logging.Abstractions;

namespace MedGrpc.Bench;

/// <summary>
/// What cutting a recording into pieces costs in words, without a service: the PocketSphinx engine in this process
/// recognises a recording made from development items (<see cref="LongRecording"/>) whole, then through
/// <see cref="ChunkedRecognition"/> in pieces, and prints each one's WER and CPU, and for every cut the words that
/// came out differently near it. The whole recording's words are kept in a cache (they depend only on the audio and
/// the engine's settings), so trying a change to the cutting costs one pieced run.
/// </summary>
public static class PiecesBench
{
    public sealed record Options(string SpeechDir, double Minutes, DevelopmentHalf? Half, int Parallelism, int Decoders, bool NoCache, bool BoundariesOnly, IReadOnlyDictionary<string, string> EngineSettings);

    private sealed record Word(string Text, double Start, double End);

    public static async Task<int> RunAsync(Options o)
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "medgrpc-bench-pieces")).FullName;
        var name = $"long-{o.Minutes.ToString(CultureInfo.InvariantCulture)}-{o.Half?.Name() ?? "all"}";
        var recording = LongRecording.Build(o.SpeechDir, folder, name, o.Minutes * 60, o.Half is { } half ? i => DevelopmentHalves.Of(i.Id) == half : null);
        var reference = Normalizer.NormalizeTokens(recording.Reference.Reference);
        Console.WriteLine($"recording: {recording.Seconds / 60:F1} minutes, {recording.Items} development items ({o.Half?.Name() ?? "both halves"}), {reference.Count} reference words; load average {LongBench.LoadAverage()} at start");

        var model = new PocketSphinxOptions();
        foreach (var (key, value) in o.EngineSettings)
            typeof(PocketSphinxOptions).GetProperty(key)!.SetValue(model, Convert.ChangeType(value, typeof(PocketSphinxOptions).GetProperty(key)!.PropertyType, CultureInfo.InvariantCulture));
        using var engine = new PocketSphinxEngine(Microsoft.Extensions.Options.Options.Create(model), NullLogger<PocketSphinxEngine>.Instance);

        var cache = Path.Combine(folder, $"{Hash(recording.Path, o.EngineSettings)}-whole.json");
        List<List<Word>> whole;
        double wholeCpu;
        if (!o.NoCache && File.Exists(cache))
        {
            (whole, wholeCpu) = JsonSerializer.Deserialize<(List<List<Word>>, double)>(await File.ReadAllTextAsync(cache), new JsonSerializerOptions { IncludeFields = true });
            Console.WriteLine($"whole: from the cache {cache}");
        }
        else
        {
            var recognition = await RecognizeAsync(recording.Path, pcm => engine.RecognizeAsync(pcm, RecognitionOptions.BestOnly, null, default));
            (whole, wholeCpu) = (Utterances(recognition), recognition.CpuSeconds);
            await File.WriteAllTextAsync(cache, JsonSerializer.Serialize((whole, wholeCpu), new JsonSerializerOptions { IncludeFields = true }));
        }

        if (o.BoundariesOnly)
        {
            // The follower's boundaries against the whole run's utterances: none should fall inside one.
            using var audio = new MediaDecoder().Start(recording.Path);
            using var follower = ((ITranscriptionEngine)engine).FollowUtterances()!;
            var noted = new List<double>();
            var buffer = new byte[7777]; // an odd size: the follower takes any split of the stream
            for (int read; (read = await audio.Pcm.ReadAsync(buffer)) > 0;)
                noted.AddRange(follower.Follow(buffer.AsSpan(0, read)).Select(b => b.Sample / 16000.0));
            await audio.CompleteAsync(default);
            Console.WriteLine(string.Join(" ", noted.Select(b => b.ToString("F2", CultureInfo.InvariantCulture))));
            var inside = noted.Where(b => whole.Any(u => u.Count > 0 && u[0].Start < b && u[^1].End > b)).ToList();
            Console.WriteLine($"boundaries noted: {noted.Count}; whole run's utterances: {whole.Count}; boundaries inside a whole-run utterance: {inside.Count} [{string.Join(' ', inside.Select(b => b.ToString("F2", CultureInfo.InvariantCulture)))}]");
            return 0;
        }
        var pool = new DecoderPool(o.Decoders);
        var wall = Stopwatch.StartNew();
        var pieced = await RecognizeAsync(recording.Path, pcm =>
            new ChunkedRecognition(engine, pool, "bench", o.Parallelism, new SemaphoreSlim(o.Parallelism)).RecognizeAsync(pcm, RecognitionOptions.BestOnly, () => new Progress<double>(), default));
        wall.Stop();
        var pieces = Utterances(pieced);
        var cuts = await CutsAsync(recording.Path, engine);

        Report("whole", whole, wholeCpu);
        Report($"pieces ({cuts.Count + 1}, up to {Math.Min(o.Parallelism, o.Decoders)} at once, {wall.Elapsed.TotalSeconds:F0} s wall)", pieces, pieced.CpuSeconds);
        Console.WriteLine($"CPU in pieces / whole: {pieced.CpuSeconds / wholeCpu:F3}");
        Console.WriteLine();
        PrintDifferences(whole, pieces, cuts);
        Console.WriteLine($"load average {LongBench.LoadAverage()} at the end");
        return 0;

        void Report(string label, List<List<Word>> utterances, double cpu)
        {
            var hypothesis = Normalizer.NormalizeTokens(string.Join(' ', utterances.SelectMany(u => u).Select(w => w.Text)));
            var edits = WordErrorRate.Align(reference, hypothesis);
            Console.WriteLine($"{label}: WER {100.0 * edits.Errors / reference.Count:F2} % ({edits.Errors}/{reference.Count}: S {edits.Substitutions}, D {edits.Deletions}, I {edits.Insertions}), CPU {cpu:F1} s ({cpu / recording.Seconds:F3} per audio s), {utterances.Count} utterances");
        }
    }

    private static async Task<Recognition> RecognizeAsync(string path, Func<Stream, Task<Recognition>> recognize)
    {
        using var audio = new MediaDecoder().Start(path);
        var recognition = await recognize(audio.Pcm);
        await audio.CompleteAsync(default);
        return recognition;
    }

    private static List<List<Word>> Utterances(Recognition recognition) =>
        recognition.Utterances.Select(u => u.Words.Select(w => new Word(w.Text, w.StartSeconds, w.EndSeconds)).ToList()).ToList();

    /// <summary>Where the recording is cut, in seconds, and whether at a boundary the engine noted: the same chunker on the same PCM cuts at the same places.</summary>
    private static async Task<List<(double Seconds, bool AtBoundary)>> CutsAsync(string path, ITranscriptionEngine engine)
    {
        using var audio = new MediaDecoder().Start(path);
        using var boundaries = engine.FollowUtterances();
        var chunker = new PauseChunker(audio.Pcm, engine.Chunking, boundaries);
        var cuts = new List<(double, bool)>();
        while (await chunker.NextAsync(default) is { } chunk)
            using (chunk)
                if (chunk.Index > 0) cuts.Add((chunk.StartSeconds, chunk.StartBoundary is not null));
        await audio.CompleteAsync(default);
        return cuts;
    }

    /// <summary>
    /// The words that differ between the two runs (an edit alignment of their texts), each counted at the cut it
    /// follows, with the whole run's utterance boundaries around each cut: did the cut fall where the whole run ended an utterance?
    /// </summary>
    private static void PrintDifferences(List<List<Word>> whole, List<List<Word>> pieces, List<(double Seconds, bool AtBoundary)> cuts)
    {
        var a = whole.SelectMany(u => u).ToList();
        var b = pieces.SelectMany(u => u).ToList();
        var (onlyWhole, onlyPieces) = Diff(a, b);
        var total = 0;
        foreach (var ((cut, atBoundary), index) in cuts.Select((c, i) => (c, i)))
        {
            var next = index + 1 < cuts.Count ? cuts[index + 1].Seconds : double.MaxValue;
            bool Near(Word w) => w.Start >= cut - 3 && w.Start < next - 3;
            var lost = onlyWhole.Where(Near).ToList();
            var gained = onlyPieces.Where(Near).ToList();
            total += Math.Max(lost.Count, gained.Count);
            var before = whole.Where(u => u.Count > 0 && u[^1].End <= cut).Select(u => u[^1].End).DefaultIfEmpty(0).Max();
            var after = whole.Where(u => u.Count > 0 && u[0].Start >= cut).Select(u => u[0].Start).DefaultIfEmpty(double.NaN).Min();
            var across = whole.Any(u => u.Count > 0 && u[0].Start < cut && u[^1].End > cut);
            Console.WriteLine($"cut at {cut,7:F2} s ({(atBoundary ? "boundary" : "pause")}): whole run's utterances end {cut - before:F2} s before, next starts {after - cut:F2} s after{(across ? ", ONE UTTERANCE SPANS THE CUT" : "")}; "
                              + $"differs: whole {lost.Count} [{string.Join(' ', lost.Select(w => $"{w.Text}@+{w.Start - cut:F1}"))}] pieces {gained.Count} [{string.Join(' ', gained.Select(w => $"{w.Text}@+{w.Start - cut:F1}"))}]");
        }
        var first = cuts.Count > 0 ? cuts[0].Seconds - 3 : double.MaxValue;
        Console.WriteLine($"differing words before the first cut: {onlyWhole.Count(w => w.Start < first)} / {onlyPieces.Count(w => w.Start < first)}; after cuts, the larger side summed: {total}");
    }

    private static (List<Word> OnlyA, List<Word> OnlyB) Diff(List<Word> a, List<Word> b)
    {
        var lcs = new int[a.Count + 1, b.Count + 1];
        for (var i = a.Count - 1; i >= 0; i--)
            for (var j = b.Count - 1; j >= 0; j--)
                lcs[i, j] = a[i].Text == b[j].Text ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        var onlyA = new List<Word>();
        var onlyB = new List<Word>();
        int x = 0, y = 0;
        while (x < a.Count && y < b.Count)
        {
            if (a[x].Text == b[y].Text) { x++; y++; }
            else if (lcs[x + 1, y] >= lcs[x, y + 1]) onlyA.Add(a[x++]);
            else onlyB.Add(b[y++]);
        }
        onlyA.AddRange(a.Skip(x));
        onlyB.AddRange(b.Skip(y));
        return (onlyA, onlyB);
    }

    private static string Hash(string path, IReadOnlyDictionary<string, string> settings)
    {
        using var sha = SHA256.Create();
        using (var file = File.OpenRead(path)) sha.TransformBlock(SHA256.HashData(file), 0, 32, null, 0);
        var text = System.Text.Encoding.UTF8.GetBytes(string.Join(';', settings.OrderBy(s => s.Key).Select(s => $"{s.Key}={s.Value}")));
        sha.TransformFinalBlock(text, 0, text.Length);
        return Convert.ToHexString(sha.Hash!)[..16];
    }
}
