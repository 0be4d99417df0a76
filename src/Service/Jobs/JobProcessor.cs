using MedGrpc.Service.Engines;
using MedGrpc.Service.Media;
using MedGrpc.Service.Options;
using MedGrpc.Service.Storage;
using MedGrpc.Service.Transcripts;
using Microsoft.Extensions.Options;

namespace MedGrpc.Service.Jobs;

/// <summary>
/// Runs one job: look at the media, decode it, recognise speech, write the transcript. A rule the
/// media breaks fails the job with its AWS FailureReason; nothing here ever takes the server down.
/// </summary>
public sealed class JobProcessor(
    IJobStore store,
    IObjectStore objects,
    JobLifecycle lifecycle,
    MediaProbe probe,
    MediaDecoder decoder,
    ITranscriptionEngine engine,
    TranscriptWriter writer,
    IOptions<MedGrpcOptions> options,
    ILogger<JobProcessor> log)
{
    // Progress: recognition runs from 5% to 95%; publish at most every 5 points.
    private const int RecognizeFrom = 5;
    private const int RecognizeTo = 95;
    private const int ProgressStep = 5;

    public async Task ProcessAsync(string jobName, CancellationToken ct)
    {
        var job = await store.GetAsync(jobName, ct);
        if (job is null || job.Status.IsTerminal()) return;
        job = await lifecycle.BeginAsync(job, ct);
        using var scope = log.BeginScope(new Dictionary<string, object> { ["JobName"] = jobName });
        try
        {
            await RunAsync(job, ct);
        }
        catch (MediaRejectedException rejected)
        {
            await lifecycle.FailAsync(await CurrentAsync(job, ct), rejected.FailureReason, CancellationToken.None);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down: the job stays IN_PROGRESS in the store and is taken up again at the next start.
            throw;
        }
        catch (Exception e)
        {
            log.LogError(e, "Job {JobName} failed unexpectedly", jobName);
            await lifecycle.FailAsync(await CurrentAsync(job, ct), $"Internal failure: {e.Message}", CancellationToken.None);
        }
    }

    private async Task RunAsync(Job job, CancellationToken ct)
    {
        var request = job.Request;
        using var input = await OpenMediaAsync(request.MediaFileUri!, ct);
        var media = await probe.ProbeAsync(input.Path, ct);
        MediaRules.CheckSize(media.SizeBytes > 0 ? media.SizeBytes : input.SizeBytes);
        MediaRules.Check(request, media);

        job = await lifecycle.ReportProgressAsync(job, JobStages.Recognize, RecognizeFrom, ct);
        var reporter = new ProgressReporter(lifecycle, job, media.DurationSeconds, ct);
        Recognition recognition;
        using (var audio = decoder.Start(input.Path))
        {
            recognition = await engine.RecognizeAsync(audio.Pcm, reporter, ct);
            await audio.CompleteAsync(ct);
        }
        job = await reporter.DrainAsync();

        job = await lifecycle.ReportProgressAsync(job, JobStages.Write, RecognizeTo, ct);
        var transcript = TranscriptBuilder.Build(job.Name, options.Value.AccountId, recognition);
        var location = OutputLocation.For(request.OutputBucketName!, request.OutputKey, job.Name);
        await writer.WriteAsync(location, transcript, ct);
        await lifecycle.CompleteAsync(job, location.ToString(), media.MediaFormat, media.SampleRate, ct);
    }

    private async Task<MediaInput> OpenMediaAsync(string uri, CancellationToken ct)
    {
        if (!S3Location.TryParse(uri, out var location)) return new MediaInput(uri, 0, null); // http(s): ffmpeg reads it directly
        var size = await objects.GetSizeAsync(location, ct) ?? throw new MediaRejectedException(FailureReasons.MediaNotFound);
        MediaRules.CheckSize(size);
        var local = await objects.GetLocalFileAsync(location, ct);
        return new MediaInput(local.Path, size, local);
    }

    private async Task<Job> CurrentAsync(Job fallback, CancellationToken ct) =>
        await store.GetAsync(fallback.Name, CancellationToken.None) ?? fallback;

    private sealed record MediaInput(string Path, long SizeBytes, IDisposable? Owner) : IDisposable
    {
        public void Dispose() => Owner?.Dispose();
    }

    /// <summary>Turns seconds decoded into progress events, without ever making the engine wait.</summary>
    private sealed class ProgressReporter(JobLifecycle lifecycle, Job job, double durationSeconds, CancellationToken ct) : IProgress<double>
    {
        private Task<Job> _last = Task.FromResult(job);
        private int _published = RecognizeFrom;
        private readonly Lock _gate = new();

        public void Report(double seconds)
        {
            if (durationSeconds <= 0) return;
            var percent = RecognizeFrom + (int)((RecognizeTo - RecognizeFrom) * Math.Min(1, seconds / durationSeconds));
            lock (_gate)
            {
                if (percent < _published + ProgressStep) return;
                _published = percent;
                var previous = _last;
                _last = Task.Run(async () => await lifecycle.ReportProgressAsync(await previous, JobStages.Recognize, percent, ct), ct);
            }
        }

        public Task<Job> DrainAsync()
        {
            lock (_gate) return _last;
        }
    }
}
