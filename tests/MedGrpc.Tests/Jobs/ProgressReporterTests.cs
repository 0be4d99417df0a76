using MedGrpc.Core.Jobs;
using MedGrpc.Core.Model;
using MedGrpc.Tests.Support;

namespace MedGrpc.Tests.Jobs;

/// <summary>Recognition progress: seconds decoded, summed over the channels, published in steps, never out of order.</summary>
public sealed class ProgressReporterTests : IDisposable
{
    private readonly JobsInProcess _jobs = new();

    public void Dispose() => _jobs.Dispose();

    private async Task<Job> RunningAsync(string name) => await _jobs.Lifecycle.BeginAsync(await _jobs.CreateAsync(name), default);

    [Fact]
    public async Task Progress_runs_from_five_to_ninety_percent_in_steps_of_at_least_five()
    {
        var job = await RunningAsync("visit-42");
        var published = new List<int>();
        using var subscription = _jobs.Events.Subscribe(job.Key);
        var reporter = new ProgressReporter(_jobs.Lifecycle, job, totalSeconds: 100, CancellationToken.None);
        var part = reporter.ForPart();

        for (var seconds = 1; seconds <= 100; seconds++) part.Report(seconds);
        var last = await reporter.DrainAsync();

        while (subscription.Reader.TryRead(out var version)) published.Add(version.ProgressPercent);
        Assert.Equal(90, last.ProgressPercent);
        Assert.Equal(JobStages.Recognize, last.Stage);
        Assert.Equal(published.Order(), published); // in order, as the stages of one job must be
        Assert.All(published.Zip(published.Skip(1)), pair => Assert.True(pair.Second - pair.First >= JobProcessor.ProgressStep));
        Assert.Equal(90, (await _jobs.Store.GetAsync(job.Key, default))!.ProgressPercent);
    }

    [Fact]
    public async Task Channels_are_parts_whose_seconds_add_up()
    {
        var job = await RunningAsync("visit-43");
        var reporter = new ProgressReporter(_jobs.Lifecycle, job, totalSeconds: 20, CancellationToken.None); // two channels of 10 s
        var left = reporter.ForPart();
        var right = reporter.ForPart();

        left.Report(10);
        Assert.Equal(47, (await reporter.DrainAsync()).ProgressPercent); // 5 + 85 × 10/20
        right.Report(10);
        Assert.Equal(90, (await reporter.DrainAsync()).ProgressPercent);
    }

    [Fact]
    public async Task Media_of_no_known_length_reports_nothing()
    {
        var job = await RunningAsync("visit-44");
        var reporter = new ProgressReporter(_jobs.Lifecycle, job, totalSeconds: 0, CancellationToken.None);
        reporter.ForPart().Report(30);
        Assert.Same(job, await reporter.DrainAsync());
    }

    [Fact]
    public async Task Small_steps_are_held_back()
    {
        var job = await RunningAsync("visit-45");
        var reporter = new ProgressReporter(_jobs.Lifecycle, job, totalSeconds: 100, CancellationToken.None);
        reporter.ForPart().Report(4); // 5 + 3: under one step
        Assert.Same(job, await reporter.DrainAsync());
    }
}
