using System.Diagnostics;
using Google.Protobuf;
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
        using (var put = service.Objects.PutObject())
        {
            await put.RequestStream.WriteAsync(new PutObjectRequest { Location = new ObjectLocation { Bucket = "bench-media", Key = "load.wav" } });
            await put.RequestStream.WriteAsync(new PutObjectRequest { Chunk = ByteString.CopyFrom(await File.ReadAllBytesAsync(clip)) });
            await put.RequestStream.CompleteAsync();
            await put.ResponseAsync;
        }

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

        Array.Sort(latencies);
        Console.WriteLine($"load: {jobs} concurrent jobs, {completed} COMPLETED, {jobs - completed} lost or failed, {wall.Elapsed.TotalSeconds:F1} s wall");
        Console.WriteLine($"Start → QUEUED latency: p50 {Percentile(latencies, 0.50):F2} ms, p99 {Percentile(latencies, 0.99):F2} ms, max {latencies[^1]:F2} ms");

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
        Array.Sort(sequential);
        Console.WriteLine($"Start → QUEUED latency, one at a time: p50 {Percentile(sequential, 0.50):F2} ms, p99 {Percentile(sequential, 0.99):F2} ms");
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
