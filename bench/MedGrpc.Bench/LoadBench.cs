using System.Diagnostics;
using MedGrpc.Client;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Bench;

/// <summary>
/// Start latency and losslessness: N jobs of a short real recording started at once, each
/// followed over WatchJob to its end. Prints Start p50/p99 and how many completed.
/// </summary>
public static class LoadBench
{
    public static async Task RunAsync(ServiceProcess service, string speechDir, int jobs)
    {
        var clip = Path.Combine(speechDir, "audio", "dev-real-goforward.wav");
        await service.PutObjectAsync("bench-media", "load.wav", clip);

        // Warm the connection and the server's code paths so the figures show steady state.
        for (var i = 0; i < 5; i++) await service.Jobs.GetMedicalTranscriptionJobAsync(new GetMedicalTranscriptionJobRequest { MedicalTranscriptionJobName = "none" }).ResponseAsync.ContinueWith(_ => { });

        var latencies = new double[jobs];
        var wall = Stopwatch.StartNew();
        var runs = Enumerable.Range(0, jobs).Select(async i =>
        {
            var name = $"load-{i:D4}";
            var started = Stopwatch.StartNew();
            var response = await service.Jobs.StartMedicalTranscriptionJobAsync(new StartMedicalTranscriptionJobRequest
            {
                MedicalTranscriptionJobName = name,
                LanguageCode = LanguageCode.EnUs,
                Media = new Media { MediaFileUri = "s3://bench-media/load.wav" },
                OutputBucketName = "bench-out",
                Specialty = Specialty.Primarycare,
                Type = MedicalJobType.Dictation,
            });
            latencies[i] = started.Elapsed.TotalMilliseconds;
            if (response.MedicalTranscriptionJob.TranscriptionJobStatus != TranscriptionJobStatus.Queued) return false;
            await foreach (var e in service.Jobs.WatchAsync(name))
                if (e.MedicalTranscriptionJob.TranscriptionJobStatus == TranscriptionJobStatus.Completed) return true;
            return false;
        }).ToList();
        var completed = (await Task.WhenAll(runs)).Count(ok => ok);

        Console.WriteLine($"load: {jobs} concurrent jobs, {completed} COMPLETED, {jobs - completed} lost or failed, {wall.Elapsed.TotalSeconds:F1} s wall");
        Console.WriteLine($"Start → QUEUED latency: {Percentiles.Summary(latencies)}");

        // Sequential Starts: the latency one caller sees on an idle connection.
        var sequential = new double[100];
        for (var i = 0; i < sequential.Length; i++)
        {
            var started = Stopwatch.StartNew();
            await service.Jobs.StartMedicalTranscriptionJobAsync(new StartMedicalTranscriptionJobRequest
            {
                MedicalTranscriptionJobName = $"seq-{i:D4}",
                LanguageCode = LanguageCode.EnUs,
                Media = new Media { MediaFileUri = "s3://bench-media/load.wav" },
                OutputBucketName = "bench-out",
                Specialty = Specialty.Primarycare,
                Type = MedicalJobType.Dictation,
            });
            sequential[i] = started.Elapsed.TotalMilliseconds;
        }
        Console.WriteLine($"Start → QUEUED latency, one at a time: {Percentiles.Summary(sequential)}");
    }
}
