using MedGrpc.Transcribe.V1;
using Spectre.Console;

namespace MedGrpc.Cli.Output;

/// <summary>
/// The progress of one job on standard error, driven by its WatchJob events (progress_percent and stage): a live
/// Spectre bar on a terminal, one plain line per stage elsewhere. Standard error keeps standard output for the summary.
/// </summary>
internal static class JobProgress
{
    public static Task<T> ShowAsync<T>(string jobName, Func<IProgress<JobEvent>, Task<T>> follow)
    {
        // Spectre's own fallback samples milestones once a second and skips finished tasks; a log wants every stage.
        if (!Terminal.ErrorIsLive) return follow(new StageLines(jobName));

        return Terminal.Error.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(jobName), maxValue: 100);
                return await follow(new Bar(task, jobName));
            });
    }

    private static bool IsTerminal(JobEvent jobEvent) => TerminalJob.IsTerminal(jobEvent.MedicalTranscriptionJob);

    // Both report synchronously: Progress<T> would post events to the thread pool, out of order and late.

    private sealed class Bar(ProgressTask task, string jobName) : IProgress<JobEvent>
    {
        public void Report(JobEvent jobEvent)
        {
            var colour = jobEvent.MedicalTranscriptionJob?.TranscriptionJobStatus switch
            {
                TranscriptionJobStatus.Completed => "green",
                TranscriptionJobStatus.Failed => "red",
                _ => "default",
            };
            task.Description = $"[{colour}]{Markup.Escape(jobName)}[/] {Markup.Escape(jobEvent.Stage)}";
            task.Value = IsTerminal(jobEvent) ? task.MaxValue : jobEvent.ProgressPercent;
            if (IsTerminal(jobEvent)) task.StopTask();
        }
    }

    private sealed class StageLines(string jobName) : IProgress<JobEvent>
    {
        private string? _stage;

        public void Report(JobEvent jobEvent)
        {
            if (jobEvent.Stage == _stage) return;
            _stage = jobEvent.Stage;
            Console.Error.WriteLine($"{jobName}: {jobEvent.Stage} {jobEvent.ProgressPercent}%");
        }
    }
}
