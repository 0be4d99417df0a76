using System.Diagnostics;
using System.Globalization;
using Grpc.Core;
using MedGrpc.Client;
using MedGrpc.Scoring;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Bench;

/// <summary>
/// Live streams (StreamTranscription) at real time: N concurrent streams of development dictations, each paced as a
/// clinician speaks (100 ms chunks when their time comes), with the service capped at N streams. Per word of the
/// finals: the latency from its end in the audio to the moment the client first received it (in a partial or the
/// final) and to its final; per utterance, from its end to its final. One more stream opened while they run must be
/// refused with LimitExceeded. Then the same recordings as batch jobs, and the WER of both against the references.
/// With --busy-jobs M, M long batch jobs are started first so the streams share the engine with them.
/// </summary>
public static class StreamBench
{
    private const double ChunkSeconds = 0.1;
    private const int BytesPerSecond = 32000;

    public static string[] Settings(int streams) => [$"--MedGrpc:Limits:MaxConcurrentStreams={streams}"];

    public static async Task<int> RunAsync(ServiceProcess service, string speechDir, int streams, int busyJobs, double? seconds)
    {
        var manifest = Manifest.Load(Path.Combine(speechDir, "manifest.jsonl")).ToDictionary(i => i.Id);
        var items = SpeechItem.Load(speechDir).Where(i => i.Type == "DICTATION" && !i.Id.StartsWith("dev-real", StringComparison.Ordinal)).ToList();
        var chosen = Enumerable.Range(0, streams).Select(i => items[i % items.Count]).ToList();
        var audio = chosen.Select(i => Pcm(Path.Combine(speechDir, i.File), seconds)).ToList();
        Console.WriteLine($"stream: {streams} real-time stream(s) of {string.Join(", ", chosen.Select(i => i.Id))}{(seconds is { } s ? $", first {s:0} s each" : "")}, {busyJobs} batch job(s) running, cap {streams}");
        Console.WriteLine($"load average before: {LoadAverage()}");

        var busy = new List<Task<bool>>();
        for (var j = 0; j < busyJobs; j++)
        {
            var conversation = Path.Combine(speechDir, "audio", "dev-conv-04-mono.flac");
            var uri = await service.PutObjectAsync("bench-media", $"busy-{j}.flac", conversation);
            busy.Add(RunJobAsync(service, $"busy-{j:D2}", uri));
        }
        if (busyJobs > 0) await Task.Delay(TimeSpan.FromSeconds(3)); // the jobs are past decode and recognising

        var cpuBefore = ProcessCpu.WithLiveChildren(service.Pid);
        var wall = Stopwatch.StartNew();
        var runs = audio.Select((pcm, i) => StreamAsync(service, pcm)).ToList();
        await Task.Delay(TimeSpan.FromSeconds(2)); // every stream has its slot
        var refusal = await OneMoreAsync(service, audio[0]);
        var outcomes = await Task.WhenAll(runs);
        var cpu = ProcessCpu.WithLiveChildren(service.Pid) - cpuBefore;
        var audioSeconds = audio.Sum(a => a.Length / (double)BytesPerSecond);
        var busyStillRunning = busy.Count(b => !b.IsCompleted);
        Console.WriteLine($"load average after: {LoadAverage()}; service CPU {cpu:F1} s for {audioSeconds:F1} s of streamed audio in {wall.Elapsed.TotalSeconds:F1} s wall; batch jobs still running at the end: {busyStillRunning} of {busyJobs}");

        var first = outcomes.SelectMany(o => o.FirstSeen).Order().ToList();
        var final = outcomes.SelectMany(o => o.FinalSeen).Order().ToList();
        var utterance = outcomes.SelectMany(o => o.UtteranceFinal).Order().ToList();
        Console.WriteLine($"word end → first receipt (partial or final): {Summary(first)}");
        Console.WriteLine($"word end → its final:                        {Summary(final)}");
        Console.WriteLine($"utterance end → its final:                   {Summary(utterance)}");
        Console.WriteLine($"stream {streams + 1} beyond the cap: {refusal}");

        // The same audio as batch jobs (after the streams, so they don't compete): WER of both against the reference.
        Console.WriteLine("id | audio s | stream WER | batch WER | stream − batch (points)");
        for (var i = 0; i < chosen.Count; i++)
        {
            var wav = Wav(audio[i]);
            var uri = await service.PutObjectAsync("bench-media", $"batch-{i}.wav", wav);
            var batch = await service.Jobs.StartAndWaitAsync(new StartMedicalTranscriptionJobRequest
            {
                MedicalTranscriptionJobName = $"stream-batch-{i:D2}", LanguageCode = LanguageCode.EnUs, Media = new Media { MediaFileUri = uri },
                OutputBucketName = "bench-out", Specialty = Specialty.Primarycare, Type = MedicalJobType.Dictation,
            });
            File.Delete(wav);
            var item = manifest[chosen[i].Id];
            if (seconds is not null) item = item with { Reference = "" }; // a cut recording has no reference of its own
            var streamWer = Wer(item, outcomes[i].FinalText);
            var batchWer = Wer(item, batch.Text);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{chosen[i].Id} | {audio[i].Length / (double)BytesPerSecond:F1} | {Percent(streamWer)} | {Percent(batchWer)} | {(streamWer - batchWer) * 100:+0.0;-0.0;0.0} | finals {(outcomes[i].FinalText == batch.Text ? "=" : "≠")} batch text"));
        }
        await Task.WhenAll(busy);
        return refusal.StartsWith("refused", StringComparison.Ordinal) ? 0 : 1;
    }

    private sealed record Outcome(List<double> FirstSeen, List<double> FinalSeen, List<double> UtteranceFinal, string FinalText);

    /// <summary>One stream paced at real time; every response timed against the audio clock (chunk k sent at k × 100 ms).</summary>
    private static async Task<Outcome> StreamAsync(ServiceProcess service, byte[] pcm)
    {
        var clock = new Stopwatch();
        var received = new List<(double At, MedicalResult Result)>();
        await foreach (var response in service.Jobs.StreamAsync(Settings(), Paced(pcm, clock)))
            if (response.EventCase == StreamTranscriptionResponse.EventOneofCase.TranscriptEvent)
                foreach (var result in response.TranscriptEvent.Transcript.Results) received.Add((clock.Elapsed.TotalSeconds, result));

        var firstSeen = new List<double>();
        var finalSeen = new List<double>();
        var utteranceFinal = new List<double>();
        var finals = received.Where(r => !r.Result.IsPartial).ToList();
        foreach (var (finalAt, result) in finals)
        {
            utteranceFinal.Add(finalAt - result.EndTime);
            var earlier = received.Where(r => r.Result.ResultId == result.ResultId).ToList();
            foreach (var word in result.Alternatives[0].Items.Where(i => i.Type == "pronunciation"))
            {
                // First shown: the first result of this utterance holding the same word at about the same time.
                var shown = earlier.First(r => r.Result.Alternatives[0].Items.Any(i =>
                    i.Type == "pronunciation" && string.Equals(i.Content, word.Content, StringComparison.OrdinalIgnoreCase) && Math.Abs(i.StartTime - word.StartTime) < 0.3)).At;
                firstSeen.Add(shown - word.EndTime);
                finalSeen.Add(finalAt - word.EndTime);
            }
        }
        var text = string.Join(' ', finals.OrderBy(f => f.Result.StartTime).Select(f => f.Result.Alternatives[0].Transcript));
        return new Outcome(firstSeen, finalSeen, utteranceFinal, text);
    }

    private static async IAsyncEnumerable<ReadOnlyMemory<byte>> Paced(byte[] pcm, Stopwatch clock)
    {
        var chunk = (int)(BytesPerSecond * ChunkSeconds);
        clock.Start();
        for (var offset = 0; offset < pcm.Length; offset += chunk)
        {
            var due = TimeSpan.FromSeconds(offset / (double)BytesPerSecond);
            if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed);
            yield return pcm.AsMemory(offset, Math.Min(chunk, pcm.Length - offset));
        }
    }

    private static async Task<string> OneMoreAsync(ServiceProcess service, byte[] pcm)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            await foreach (var _ in service.Jobs.StreamAsync(Settings(), Paced(pcm[..Math.Min(pcm.Length, BytesPerSecond)], new Stopwatch()))) { }
            return "NOT refused: it ran";
        }
        catch (MedicalTranscriptionException e) when (e.StatusCode == StatusCode.ResourceExhausted)
        {
            return $"refused in {clock.Elapsed.TotalMilliseconds:F0} ms, {e.StatusCode} / {e.AwsError}: {e.Message}";
        }
    }

    private static async Task<bool> RunJobAsync(ServiceProcess service, string name, string uri)
    {
        var job = await service.Jobs.StartAndWaitAsync(new StartMedicalTranscriptionJobRequest
        {
            MedicalTranscriptionJobName = name, LanguageCode = LanguageCode.EnUs, Media = new Media { MediaFileUri = uri },
            OutputBucketName = "bench-out", Specialty = Specialty.Primarycare, Type = MedicalJobType.Conversation,
        });
        return job.Job.TranscriptionJobStatus == TranscriptionJobStatus.Completed;
    }

    private static StreamSettings Settings() => new()
    {
        LanguageCode = LanguageCode.EnUs, MediaSampleRateHertz = 16000, MediaEncoding = MediaEncoding.Pcm,
        Specialty = Specialty.Primarycare, Type = MedicalJobType.Dictation,
    };

    private static double Wer(ManifestItem item, string text) =>
        item.Reference.Length == 0 ? double.NaN : ItemScorer.Score(item, new Hypothesis(text, [], null, null)).Wer ?? double.NaN;

    private static string Percent(double wer) => double.IsNaN(wer) ? "—" : (wer * 100).ToString("F1", CultureInfo.InvariantCulture) + " %";

    private static string Summary(List<double> sorted) => sorted.Count == 0 ? "no samples" : string.Create(CultureInfo.InvariantCulture,
        $"p50 {Percentiles.Of(sorted, 0.50):F2} s, p95 {Percentiles.Of(sorted, 0.95):F2} s, max {sorted[^1]:F2} s (n {sorted.Count})");

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    /// <summary>The recording as the engines' PCM (16 kHz mono s16le), decoded by ffmpeg.</summary>
    private static byte[] Pcm(string path, double? seconds)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-nostdin", "-v", "error", "-i", path }.Concat(seconds is { } s ? ["-t", s.ToString(CultureInfo.InvariantCulture)] : [])
                     .Concat(["-ar", "16000", "-ac", "1", "-f", "s16le", "pipe:1"]))
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        _ = process.StandardError.ReadToEndAsync();
        using var bytes = new MemoryStream();
        process.StandardOutput.BaseStream.CopyTo(bytes);
        process.WaitForExit();
        return bytes.ToArray();
    }

    /// <summary>The same samples as a WAV file, for the batch job.</summary>
    private static string Wav(byte[] pcm)
    {
        var path = Path.Combine(Path.GetTempPath(), $"medgrpc-stream-bench-{Guid.NewGuid():N}.wav");
        using var file = new BinaryWriter(File.Create(path));
        file.Write("RIFF"u8); file.Write(36 + pcm.Length); file.Write("WAVE"u8);
        file.Write("fmt "u8); file.Write(16); file.Write((short)1); file.Write((short)1); file.Write(16000); file.Write(BytesPerSecond); file.Write((short)2); file.Write((short)16);
        file.Write("data"u8); file.Write(pcm.Length); file.Write(pcm);
        return path;
    }
}
