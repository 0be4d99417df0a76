using MedGrpc.Core.Model;

namespace MedGrpc.Core.Jobs;

/// <summary>
/// Turns seconds decoded into progress events, without ever making the engine wait. Each channel
/// transcribed is a part that reports its own seconds; progress is their sum over the total.
/// </summary>
internal sealed class ProgressReporter(JobLifecycle lifecycle, Job job, double totalSeconds, CancellationToken ct)
{
    private Task<Job> _last = Task.FromResult(job);
    private int _published = JobProcessor.RecognizeFrom;
    private readonly List<double> _parts = [];
    private readonly Lock _gate = new();

    public IProgress<double> ForPart()
    {
        lock (_gate)
        {
            var index = _parts.Count;
            _parts.Add(0);
            return new Part(this, index);
        }
    }

    private void Report(int part, double seconds)
    {
        if (totalSeconds <= 0) return;
        lock (_gate)
        {
            _parts[part] = seconds;
            var percent = JobProcessor.RecognizeFrom + (int)((JobProcessor.RecognizeTo - JobProcessor.RecognizeFrom) * Math.Min(1, _parts.Sum() / totalSeconds));
            if (percent < _published + JobProcessor.ProgressStep) return;
            _published = percent;
            var previous = _last;
            _last = Task.Run(async () => await lifecycle.ReportProgressAsync(await previous, JobStages.Recognize, percent, ct), ct);
        }
    }

    public Task<Job> DrainAsync()
    {
        lock (_gate) return _last;
    }

    private sealed class Part(ProgressReporter reporter, int index) : IProgress<double>
    {
        public void Report(double seconds) => reporter.Report(index, seconds);
    }
}
