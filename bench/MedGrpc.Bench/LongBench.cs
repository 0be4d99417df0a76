using System.Diagnostics;
using MedGrpc.Client;
using MedGrpc.Scoring;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Bench;

/// <summary>
/// Long recordings (issue 18). One invocation runs a recording of at least <c>--minutes</c> made from the
/// development set on a service with MedGrpc:JobParallelism 1 (the recording whole on one decoder) and on one
/// with the machine's cores (cut at pauses, pieces in parallel), and prints each run's wall time, WER, CPU per
/// audio second and peak resident memory of the service's process tree against its idle figure; then, on the
/// second service, a two-minute dictation alone and started while the long recording keeps every decoder busy.
/// With <c>--memory-minutes M</c> it instead runs one looped recording of M minutes (240: the 4-hour case) and
/// prints the resident memory as the job goes, to show whether it grows with duration.
/// </summary>
public static class LongBench
{
    public sealed record Options(string ServiceDll, string SpeechDir, int Workers, double Minutes, double DictationSeconds,
        double? MemoryMinutes, bool SpeakerLabels, IReadOnlyList<string> ServiceSettings);

    private sealed record JobRun(double WallSeconds, double? RecognizingAfterSeconds, double CpuSeconds, long PeakKb, CompletedJob Completed);

    public static async Task<int> RunAsync(Options o)
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "medgrpc-bench-long", Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            var recording = LongRecording.Build(o.SpeechDir, folder, "long", (o.MemoryMinutes is null ? o.Minutes : Math.Min(o.Minutes, o.MemoryMinutes.Value)) * 60);
            Console.WriteLine($"machine: {Environment.ProcessorCount} cores, load average {LoadAverage()} at start; service: Workers {o.Workers}, Decoders {Environment.ProcessorCount} (default){Settings(o.ServiceSettings)}");
            if (o.MemoryMinutes is { } memoryMinutes)
                return await MemoryAsync(o, recording.Looped(folder, memoryMinutes * 60), memoryMinutes * 60);

            var dictation = LongRecording.Build(o.SpeechDir, folder, "dictation", o.DictationSeconds, i => i.Type == "DICTATION" && !i.Id.StartsWith("dev-real", StringComparison.Ordinal));
            Console.WriteLine($"long recording: {recording.Seconds / 60:F1} minutes, {recording.Items} development items one after another ({recording.Reference.Reference.Split(' ').Length} reference words)");
            Console.WriteLine($"dictation: {dictation.Seconds:F0} s, {dictation.Items} development dictations");
            Console.WriteLine();

            var rows = new List<(int Parallelism, long IdleKb, JobRun Run, double Wer)>();
            JobRun? solo = null, busy = null;
            foreach (var parallelism in new[] { 1, Environment.ProcessorCount }.Distinct())
            {
                using var service = await ServiceProcess.StartAsync(o.ServiceDll, o.Workers, [$"--MedGrpc:JobParallelism={parallelism}", .. o.ServiceSettings]);
                var idleKb = await IdleKilobytesAsync(service, o.SpeechDir);
                var longUri = service.PutFile("bench-media", "long.wav", recording.Path);
                var run = await RunJobAsync(service, $"long-p{parallelism}", longUri, speakerLabels: false);
                var wer = ItemScorer.Score(recording.Reference, Hypothesis.Parse(await File.ReadAllTextAsync(TranscriptPath(service, run)))).Wer ?? double.NaN;
                rows.Add((parallelism, idleKb, run, wer));
                Console.Error.WriteLine($"JobParallelism {parallelism}: {run.WallSeconds:F1} s wall, WER {100 * wer:F2} %");
                if (parallelism != Environment.ProcessorCount) continue;

                var dictationUri = service.PutFile("bench-media", "dictation.wav", dictation.Path);
                solo = await RunJobAsync(service, "dictation-solo", dictationUri, speakerLabels: false);
                // The long recording again; once its pieces keep every decoder busy, the dictation starts.
                // (The service is stopped afterwards with it unfinished.)
                await service.Jobs.StartMedicalTranscriptionJobAsync(Request("long-busy", longUri, speakerLabels: false));
                await WaitUntilRecognizingAsync(service, "long-busy");
                await Task.Delay(TimeSpan.FromSeconds(5));
                busy = await RunJobAsync(service, "dictation-busy", dictationUri, speakerLabels: false);
            }

            Console.WriteLine($"{"JobParallelism",14} {"wall s",8} {"× audio",8} {"CPU s",8} {"CPU/audio s",12} {"WER %",7} {"idle MB",8} {"peak MB",8} {"peak−idle",10}");
            foreach (var (parallelism, idleKb, run, wer) in rows)
                Console.WriteLine($"{parallelism,14} {run.WallSeconds,8:F1} {run.WallSeconds / recording.Seconds,8:F3} {run.CpuSeconds,8:F1} {run.CpuSeconds / recording.Seconds,12:F4} {100 * wer,7:F2} {idleKb / 1024.0,8:F0} {run.PeakKb / 1024.0,8:F0} {(run.PeakKb - idleKb) / 1024.0,10:F0}");
            if (rows.Count == 2)
            {
                var (one, many) = (rows[0], rows[1]);
                Console.WriteLine();
                Console.WriteLine($"wall time, JobParallelism {many.Parallelism} / 1: {many.Run.WallSeconds / one.Run.WallSeconds:F3} (target ≤ 0.6)");
                Console.WriteLine($"WER, JobParallelism {many.Parallelism} − 1: {100 * (many.Wer - one.Wer):+0.00;-0.00} points (target within ±0.5)");
                Console.WriteLine($"CPU per audio second, JobParallelism {many.Parallelism} / 1: {many.Run.CpuSeconds / one.Run.CpuSeconds:F3} (target ≤ 1.1)");
            }
            if (solo is not null && busy is not null)
            {
                Console.WriteLine($"two-minute dictation ({dictation.Seconds:F0} s), JobParallelism {Environment.ProcessorCount}: alone {solo.WallSeconds:F1} s wall, first recognition progress after {solo.RecognizingAfterSeconds:F1} s; " +
                                  $"while the long recording keeps every decoder busy {busy.WallSeconds:F1} s wall ({busy.WallSeconds / solo.WallSeconds:F2} × alone, target ≤ 2), first recognition progress after {busy.RecognizingAfterSeconds:F1} s " +
                                  $"({busy.RecognizingAfterSeconds - solo.RecognizingAfterSeconds:+0.0;-0.0} s more than alone, target: recognising within 5 s)");
                Console.WriteLine("(first recognition progress: the first WatchJob event past 5 %, i.e. once about 5 % of the audio has been recognised)");
            }
            Console.WriteLine($"load average at end: {LoadAverage()}");
            return 0;
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<int> MemoryAsync(Options o, string looped, double seconds)
    {
        Console.WriteLine($"memory: one {seconds / 60:F0}-minute DICTATION (the development items looped with ffmpeg), JobParallelism {Environment.ProcessorCount}, speaker labels {(o.SpeakerLabels ? "on" : "off")}");
        using var service = await ServiceProcess.StartAsync(o.ServiceDll, o.Workers, [$"--MedGrpc:JobParallelism={Environment.ProcessorCount}", .. o.ServiceSettings]);
        var idleKb = await IdleKilobytesAsync(service, o.SpeechDir);
        var uri = service.PutFile("bench-media", Path.GetFileName(looped), looped);
        Console.WriteLine($"idle (after start and one short job): {idleKb / 1024.0:F0} MB");
        var lastPercent = -1;
        var run = await RunJobAsync(service, "memory", uri, o.SpeakerLabels, e =>
        {
            if (e.ProgressPercent / 10 == lastPercent / 10) return;
            lastPercent = e.ProgressPercent;
            Console.WriteLine($"  {e.Stage} {e.ProgressPercent,3} %: {ProcessTreeMemory.Kilobytes(service.Pid) / 1024.0,6:F0} MB now");
        });
        Console.WriteLine($"peak {run.PeakKb / 1024.0:F0} MB, {(run.PeakKb - idleKb) / 1024.0:F0} MB above idle (target < 300); {run.WallSeconds:F0} s wall, CPU {run.CpuSeconds / seconds:F4} s per audio second");
        Console.WriteLine($"load average at end: {LoadAverage()}");
        return 0;
    }

    /// <summary>
    /// Resident memory after the service has started and run one short job per core at once (so that every decoder
    /// is loaded before anything is measured, whatever JobParallelism), the median of nine samples.
    /// </summary>
    private static async Task<long> IdleKilobytesAsync(ServiceProcess service, string speechDir)
    {
        var uri = service.PutFile("bench-media", "warm-up.wav", Path.Combine(speechDir, "audio", "dev-real-goforward.wav"));
        await Task.WhenAll(Enumerable.Range(0, Environment.ProcessorCount).Select(i => RunJobAsync(service, $"warm-up-{i}", uri, speakerLabels: false)));
        var samples = new List<long>();
        for (var i = 0; i < 9; i++)
        {
            await Task.Delay(200);
            samples.Add(ProcessTreeMemory.Kilobytes(service.Pid));
        }
        return samples.Order().ElementAt(samples.Count / 2);
    }

    private static StartMedicalTranscriptionJobRequest Request(string name, string uri, bool speakerLabels)
    {
        var request = new StartMedicalTranscriptionJobRequest
        {
            MedicalTranscriptionJobName = name,
            LanguageCode = LanguageCode.EnUs,
            Media = new Media { MediaFileUri = uri },
            OutputBucketName = "bench-out",
            Specialty = Specialty.Primarycare,
            Type = MedicalJobType.Dictation,
            Settings = new MedicalTranscriptionSetting(),
        };
        if (speakerLabels)
        {
            request.Settings.ShowSpeakerLabels = true;
            request.Settings.MaxSpeakerLabels = 2;
        }
        return request;
    }

    private static async Task<JobRun> RunJobAsync(ServiceProcess service, string name, string uri, bool speakerLabels, Action<JobEvent>? progress = null)
    {
        var request = Request(name, uri, speakerLabels);
        await using var memory = new ProcessTreeMemory(service.Pid);
        var cpuBefore = ProcessCpu.Seconds(service.Pid);
        var wall = Stopwatch.StartNew();
        double? recognizing = null;
        var completed = await service.Jobs.StartAndWaitAsync(request, new SynchronousProgress(e =>
        {
            if (recognizing is null && e.Stage == "recognize" && e.ProgressPercent > 5) recognizing = wall.Elapsed.TotalSeconds;
            progress?.Invoke(e);
        }));
        var seconds = wall.Elapsed.TotalSeconds;
        return new JobRun(seconds, recognizing, ProcessCpu.Seconds(service.Pid) - cpuBefore, memory.PeakKb, completed);
    }

    private static async Task WaitUntilRecognizingAsync(ServiceProcess service, string name)
    {
        await foreach (var e in service.Jobs.WatchAsync(name))
            if (e.Stage == "recognize" && e.ProgressPercent > 5) return;
    }

    private static string TranscriptPath(ServiceProcess service, JobRun run) =>
        Path.Combine(service.DataDir, "buckets", "bench-out", run.Completed.Job.MedicalTranscriptionJobName + ".json");

    public static string LoadAverage() => string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    private static string Settings(IReadOnlyList<string> settings) => settings.Count == 0 ? "" : ", " + string.Join(" ", settings);

    // Progress<T> would post to the thread pool, out of order; the bench wants each event as it comes.
    private sealed class SynchronousProgress(Action<JobEvent> report) : IProgress<JobEvent>
    {
        public void Report(JobEvent value) => report(value);
    }
}
