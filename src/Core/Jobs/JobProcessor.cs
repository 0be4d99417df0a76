using MedGrpc.Core.Diarization;
using MedGrpc.Core.Engines;
using MedGrpc.Core.Errors;
using MedGrpc.Core.Media;
using MedGrpc.Core.Model;
using MedGrpc.Core.Options;
using MedGrpc.Core.Ports;
using MedGrpc.Core.Resources;
using MedGrpc.Core.Telemetry;
using MedGrpc.Core.Transcripts;
using Microsoft.Extensions.Options;

namespace MedGrpc.Core.Jobs;

/// <summary>
/// Runs one job: look at the media, decode it, recognise speech, write the transcript. A rule the
/// media breaks fails the job with its AWS FailureReason; nothing here ever takes the server down.
/// </summary>
public sealed class JobProcessor(
    IJobStore store,
    IObjectStore objects,
    IVocabularyStore vocabularies,
    JobLifecycle lifecycle,
    IMediaProbe probe,
    IMediaDecoder decoder,
    ITranscriptionEngine engine,
    TranscriptWriter writer,
    ISpeakerDiarizer diarizer,
    DecoderPool decoders,
    IOptions<MedGrpcOptions> options,
    ServiceMetrics metrics,
    ILogger<JobProcessor> log)
{
    private readonly int _parallelism = options.Value.EffectiveJobParallelism;

    // Progress: recognition runs from 5% to 90%, diarization to 95%, then the write; published at most every 5 points.
    internal const int RecognizeFrom = 5;
    internal const int RecognizeTo = 90;
    internal const int WriteFrom = 95;
    internal const int ProgressStep = 5;

    public async Task ProcessAsync(ResourceKey key, CancellationToken ct)
    {
        var job = await store.GetAsync(key, ct);
        if (job is null || job.Status.IsTerminal()) return;
        var jobName = key.Name;
        using var run = JobTracing.StartRun(job);
        using var scope = log.BeginScope(new Dictionary<string, object> { ["AccountId"] = key.AccountId, ["JobName"] = jobName });
        try
        {
            job = await lifecycle.BeginAsync(job, ct);
            try
            {
                await RunAsync(job, ct);
            }
            catch (MediaRejectedException rejected)
            {
                await lifecycle.FailAsync(await CurrentAsync(job, ct), rejected.Failure, CancellationToken.None);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // Shutting down or lease lost: the job stays IN_PROGRESS in the store and is taken up again.
                throw;
            }
            catch (ObjectWriteFailedException refused)
            {
                await lifecycle.FailAsync(await CurrentAsync(job, ct), new JobFailure(JobFailureKind.TranscriptNotWritten, $"The transcript {refused.Message} Free space there and start the job again."), CancellationToken.None);
            }
            catch (ObjectStoreUnavailableException unavailable)
            {
                await lifecycle.FailAsync(await CurrentAsync(job, ct), new JobFailure(JobFailureKind.ObjectStoreUnavailable, $"The object store couldn't be reached: {unavailable.Message} Check that the S3 service is up and start the job again."), CancellationToken.None);
            }
            // The job store unreachable (a database restart) is not the job's fault: the exception leaves
            // the job IN_PROGRESS, to be taken up again when its lease runs out or at the next start.
            catch (Exception e) when (e is not JobEndedElsewhereException && !StoreUnavailableException.Is(e))
            {
                log.LogError(e, "Job {JobName} failed unexpectedly", jobName);
                await lifecycle.FailAsync(await CurrentAsync(job, ct), new JobFailure(JobFailureKind.Internal, $"Internal failure: {e.Message}"), CancellationToken.None);
            }
        }
        catch (JobEndedElsewhereException)
        {
            log.LogInformation("Job {JobName} ended on another worker first; this run's result is dropped", jobName);
        }
    }

    private async Task RunAsync(Job job, CancellationToken ct)
    {
        var running = System.Diagnostics.Stopwatch.StartNew();
        using var stages = new JobTracing.Stages();
        stages.Enter(JobStages.Decode);
        var request = job.Request;
        var settings = request.Settings;
        RecognitionVocabulary? vocabulary = null;
        if (settings.VocabularyName is { } name)
        {
            // Checked READY at Start; it may have been deleted or updated since.
            var found = await vocabularies.GetAsync(new ResourceKey(job.AccountId, name), ct);
            if (found is not { State: VocabularyState.Ready })
            {
                await lifecycle.FailAsync(job, new JobFailure(JobFailureKind.VocabularyUnavailable, $"The vocabulary '{name}' {(found is null ? "no longer exists" : $"is {found.State.ToAws()}")}: the job needs a READY vocabulary."), CancellationToken.None);
                return;
            }
            vocabulary = new RecognitionVocabulary(found.VersionKey, found.Phrases);
        }
        using var input = await OpenMediaAsync(request.MediaFileUri!, ct);
        var media = await probe.ProbeAsync(input.Path, ct);
        MediaRules.CheckSize(media.SizeBytes > 0 ? media.SizeBytes : input.SizeBytes);
        MediaRules.Check(request.DeclaredMedia, media);

        // Channel identification transcribes each channel on its own; a mono file is its one channel.
        var channelIdentification = settings.ChannelIdentification == true;
        var channels = channelIdentification && media.Channels > 1 ? media.Channels : 1;
        var options = new RecognitionOptions(settings.ShowAlternatives == true ? settings.MaxAlternatives ?? 1 : 1, vocabulary);
        var features = settings.ShowSpeakerLabels == true ? new AcousticFeatures() : null;

        stages.Enter(JobStages.Recognize);
        job = await lifecycle.ReportProgressAsync(job, JobStages.Recognize, RecognizeFrom, ct);
        var reporter = new ProgressReporter(lifecycle, job, media.DurationSeconds * channels, ct);
        using var slots = new SemaphoreSlim(_parallelism);
        var recognition = new ChunkedRecognition(engine, decoders, job.Key.ToString(), _parallelism, slots);
        var recognitions = await Task.WhenAll(Enumerable.Range(0, channels).Select(channel =>
            RecognizeAsync(recognition, input.Path, channels > 1 ? channel : null, options, features, reporter, ct)));
        job = await reporter.DrainAsync();

        IReadOnlyList<SpeakerTurn>? turns = null;
        if (features is not null)
        {
            stages.Enter(JobStages.Diarize);
            job = await lifecycle.ReportProgressAsync(job, JobStages.Diarize, RecognizeTo, ct);
            turns = diarizer.Diarize(features, recognitions[0], settings.MaxSpeakerLabels ?? 2);
        }

        stages.Enter(JobStages.Write);
        job = await lifecycle.ReportProgressAsync(job, JobStages.Write, WriteFrom, ct);
        var transcript = TranscriptBuilder.Build(job.Name, job.AccountId,
            new TranscriptInput(recognitions, channelIdentification, settings.ShowAlternatives == true, turns,
                IdentifyPhi: request.ContentIdentificationType == Validation.AwsEnums.SupportedContentIdentificationType));
        var location = OutputLocation.For(request.OutputBucketName!, request.OutputKey, job.Name);
        await writer.WriteAsync(location, transcript, TranscriptWriter.Sealing.For(request), ct);
        await lifecycle.CompleteAsync(job, location.ToString(), media.MediaFormat, media.SampleRate, ct);
        metrics.Recognized(running.Elapsed.TotalSeconds, media.DurationSeconds, recognitions.Sum(r => r.CpuSeconds));
    }

    private async Task<Recognition> RecognizeAsync(ChunkedRecognition chunked,
        string input, int? channel, RecognitionOptions options, AcousticFeatures? features, ProgressReporter progress, CancellationToken ct)
    {
        using var audio = decoder.Start(input, channel);
        Stream pcm = features is null ? audio.Pcm : new FeatureTeeStream(audio.Pcm, features);
        var recognition = await chunked.RecognizeAsync(pcm, options, progress.ForPart, ct);
        await audio.CompleteAsync(ct);
        return recognition;
    }

    private async Task<MediaInput> OpenMediaAsync(string uri, CancellationToken ct)
    {
        // An http(s) URL of another host: ffmpeg reads it directly, as it always did (S3Location.NamesObjectStore).
        if (!S3Location.NamesObjectStore(uri, objects.Endpoint)) return new MediaInput(uri, 0, null);
        if (!S3Location.TryParseObject(uri, objects.Endpoint, out var location)) throw new MediaRejectedException(JobFailureKind.MediaNotFound, FailureReasons.MediaNotFound);
        var size = await objects.GetSizeAsync(location, ct) ?? throw new MediaRejectedException(JobFailureKind.MediaNotFound, FailureReasons.MediaNotFound);
        MediaRules.CheckSize(size);
        var local = await objects.GetLocalFileAsync(location, ct);
        return new MediaInput(local.Path, size, local);
    }

    private async Task<Job> CurrentAsync(Job fallback, CancellationToken ct) =>
        await store.GetAsync(fallback.Key, CancellationToken.None) ?? fallback;

    private sealed record MediaInput(string Path, long SizeBytes, IDisposable? Owner) : IDisposable
    {
        public void Dispose() => Owner?.Dispose();
    }
}
