using System.CommandLine;
using System.Text.Json;
using MedGrpc.Cli.Output;
using MedGrpc.Client;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Cli.Commands;

/// <summary>
/// medgrpc transcript NAME: the text of a job's transcript, or with --json the JSON object exactly as the output bucket
/// holds it, fetched over ObjectStore.GetObject from the job's TranscriptFileUri. A job still running is waited for.
/// </summary>
internal static class TranscriptCommand
{
    public static Command Create(Option<Uri> address)
    {
        var name = CommonOptions.JobName();
        var json = new Option<bool>("--json") { Description = "Print the transcript's JSON object, byte for byte as written in the output bucket." };
        var command = new Command("transcript", "Print a job's transcript text (waits for a QUEUED or IN_PROGRESS job to finish).") { name, json };
        command.SetAction(async (parse, ct) =>
        {
            using var service = new ServiceConnection(parse.GetRequiredValue(address));
            var jobName = parse.GetRequiredValue(name);
            // WatchJob's first event is the job as it stands, so a finished job costs one event and a running one is waited for.
            var job = await EndOfAsync(service.Jobs, jobName, ct);
            if (job.TranscriptionJobStatus == TranscriptionJobStatus.Failed) return TerminalJob.ExitIfFailed(job);

            var uri = job.Transcript?.TranscriptFileUri ?? "";
            if (!S3Uri.TryParse(uri, out var location))
                throw new RpcFailureException($"Job '{jobName}' has no transcript in a bucket of the service (TranscriptFileUri '{uri}').");
            var content = await ObjectTransfer.DownloadAsync(service.Objects, location, ct);

            if (parse.GetValue(json))
            {
                await using var stdout = Console.OpenStandardOutput();
                await stdout.WriteAsync(content, ct);
            }
            else
            {
                Console.Out.WriteLine(Text(content));
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task<MedicalTranscriptionJob> EndOfAsync(MedicalTranscription.MedicalTranscriptionClient jobs, string jobName, CancellationToken ct)
    {
        await foreach (var jobEvent in jobs.WatchAsync(jobName, ct))
            if (TerminalJob.IsTerminal(jobEvent.MedicalTranscriptionJob)) return jobEvent.MedicalTranscriptionJob;
        throw new RpcFailureException($"WatchJob ended before job '{jobName}' finished.");
    }

    // AWS layout: results.transcripts[0].transcript holds the whole text.
    private static string Text(byte[] transcriptJson)
    {
        using var document = JsonDocument.Parse(transcriptJson);
        return document.RootElement.TryGetProperty("results", out var results)
               && results.TryGetProperty("transcripts", out var transcripts)
               && transcripts.ValueKind == JsonValueKind.Array && transcripts.GetArrayLength() > 0
               && transcripts[0].TryGetProperty("transcript", out var text)
            ? text.GetString() ?? ""
            : "";
    }
}
