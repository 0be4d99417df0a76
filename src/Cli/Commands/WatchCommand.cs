using System.CommandLine;
using MedGrpc.Cli.Output;
using MedGrpc.Client;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Cli.Commands;

/// <summary>medgrpc watch NAME: a live progress bar over WatchJob, then the terminal job; exit code 1 when it FAILED.</summary>
internal static class WatchCommand
{
    public static Command Create(Option<Uri> address)
    {
        var name = CommonOptions.JobName();
        var json = CommonOptions.Json("the finished job");
        var command = new Command("watch", "Follow a job to its end with a progress bar, then show it (a finished job is shown at once).") { name, json };
        command.SetAction(async (parse, ct) =>
        {
            using var service = new ServiceConnection(parse.GetRequiredValue(address));
            var jobName = parse.GetRequiredValue(name);
            var last = await JobProgress.ShowAsync(jobName, progress => FollowAsync(service.Jobs, jobName, progress, ct));
            return TerminalJob.Report(last.MedicalTranscriptionJob, last.Transcript, parse.GetValue(json));
        });
        return command;
    }

    /// <summary>Every event to the progress bar; the terminal one back to the caller.</summary>
    public static async Task<JobEvent> FollowAsync(MedicalTranscription.MedicalTranscriptionClient jobs, string jobName, IProgress<JobEvent> progress, CancellationToken ct)
    {
        await foreach (var jobEvent in jobs.WatchAsync(jobName, ct))
        {
            progress.Report(jobEvent);
            if (TerminalJob.IsTerminal(jobEvent.MedicalTranscriptionJob)) return jobEvent;
        }
        throw new RpcFailureException($"WatchJob ended before job '{jobName}' finished.");
    }
}
