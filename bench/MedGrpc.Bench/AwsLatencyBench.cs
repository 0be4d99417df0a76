using System.Diagnostics;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Bench;

/// <summary>
/// Start and Get latency through the AWS endpoint (JSON 1.1 over HTTP/1.1, every request SigV4-signed by AWSSDK.Core
/// and verified by the service) next to the gRPC edge's (h2c), against one service, calls of the two edges interleaved
/// so that both see the same machine. One caller, one call at a time: the latency a client sees, not throughput.
/// </summary>
public static class AwsLatencyBench
{
    public const string AccessKeyId = "AKIAMEDGRPCBENCH0001";
    public const string SecretAccessKey = "bench-secret-access-key";

    /// <summary>The service's settings: the AWS endpoint on the port, with the bench's access key, so signatures are checked.</summary>
    public static string[] Settings(int port) =>
    [
        $"--MedGrpc:AwsApi:Port={port}", "--MedGrpc:AwsApi:Host=127.0.0.1",
        $"--MedGrpc:Auth:AccessKeys:0:AccessKeyId={AccessKeyId}", $"--MedGrpc:Auth:AccessKeys:0:SecretAccessKey={SecretAccessKey}",
        "--MedGrpc:Auth:AccessKeys:0:AccountId=000000000000",
    ];

    public static async Task RunAsync(ServiceProcess service, int port, int calls)
    {
        // Bytes no decoder reads: each job ends at the probe, so the workers barely load the machine under the calls.
        var media = Path.Combine(service.DataDir, "not-audio.wav");
        await File.WriteAllTextAsync(media, "not a recording");
        service.PutFile("bench-media", "aws.wav", media);
        using var aws = new AwsSigningClient($"http://127.0.0.1:{port}", AccessKeyId, SecretAccessKey);

        // Warm both paths (JIT, connections) so the figures show steady state.
        for (var i = 0; i < 20; i++)
        {
            await aws.SendAsync("ListMedicalTranscriptionJobs", """{"MaxResults": 1}""");
            await service.Jobs.ListMedicalTranscriptionJobsAsync(new ListMedicalTranscriptionJobsRequest { MaxResults = 1 });
        }

        var (grpcStart, awsStart) = (new double[calls], new double[calls]);
        for (var i = 0; i < calls; i++)
        {
            var watch = Stopwatch.StartNew();
            await service.Jobs.StartMedicalTranscriptionJobAsync(new StartMedicalTranscriptionJobRequest
            {
                MedicalTranscriptionJobName = $"grpc-{i:D5}",
                LanguageCode = LanguageCode.EnUs,
                Media = new Media { MediaFileUri = "s3://bench-media/aws.wav" },
                OutputBucketName = "bench-out",
                Specialty = Specialty.Primarycare,
                Type = MedicalJobType.Dictation,
            });
            grpcStart[i] = watch.Elapsed.TotalMilliseconds;

            watch.Restart();
            await aws.SendAsync("StartMedicalTranscriptionJob", $$"""
                {"MedicalTranscriptionJobName": "aws-{{i:D5}}", "LanguageCode": "en-US", "Media": {"MediaFileUri": "s3://bench-media/aws.wav"},
                 "OutputBucketName": "bench-out", "Specialty": "PRIMARYCARE", "Type": "DICTATION"}
                """);
            awsStart[i] = watch.Elapsed.TotalMilliseconds;
        }

        var (grpcGet, awsGet) = (new double[calls], new double[calls]);
        for (var i = 0; i < calls; i++)
        {
            var watch = Stopwatch.StartNew();
            await service.Jobs.GetMedicalTranscriptionJobAsync(new GetMedicalTranscriptionJobRequest { MedicalTranscriptionJobName = $"grpc-{i:D5}" });
            grpcGet[i] = watch.Elapsed.TotalMilliseconds;

            watch.Restart();
            await aws.SendAsync("GetMedicalTranscriptionJob", $$"""{"MedicalTranscriptionJobName": "aws-{{i:D5}}"}""");
            awsGet[i] = watch.Elapsed.TotalMilliseconds;
        }

        Console.WriteLine($"aws-latency: {calls} Starts and {calls} Gets on each edge, one at a time, interleaved, {Environment.ProcessorCount} cores");
        Console.WriteLine($"Start  gRPC (h2c)                 {Percentiles.Summary(grpcStart)}");
        Console.WriteLine($"Start  AWS JSON 1.1 + SigV4       {Percentiles.Summary(awsStart)}");
        Console.WriteLine($"Get    gRPC (h2c)                 {Percentiles.Summary(grpcGet)}");
        Console.WriteLine($"Get    AWS JSON 1.1 + SigV4       {Percentiles.Summary(awsGet)}");
    }
}
