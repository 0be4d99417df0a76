using MedGrpc.Core.Errors;
using MedGrpc.Core.Jobs;
using MedGrpc.Core.Model;
using MedGrpc.Core.Ports;
using MedGrpc.Core.Transcripts;
using MedGrpc.Core.Validation;

namespace MedGrpc.Core.Streaming;

/// <summary>
/// A live stream recorded to a job (MedGrpc's own; AWS's streams keep nothing): when the stream ends normally, the
/// session's finals are written as a batch job's transcript (the same <see cref="TranscriptBuilder"/>, speakers diarized
/// over the whole session as a job's are) and the job is stored COMPLETED through the one <see cref="JobLifecycle"/>;
/// when it ends in an error, the job is stored FAILED with the reason and no transcript is kept.
/// </summary>
public sealed class StreamRecording
{
    private readonly string _accountId;
    private readonly DateTimeOffset _started;
    private readonly StreamFeatures _features;
    private readonly IJobStore _jobs;
    private readonly TranscriptWriter _writer;
    private readonly JobLifecycle _lifecycle;
    private readonly ILogger _log;

    internal StreamRecording(string accountId, JobRequest job, DateTimeOffset started, StreamFeatures features,
        IJobStore jobs, TranscriptWriter writer, JobLifecycle lifecycle, ILogger log)
    {
        _accountId = accountId;
        Job = job;
        _started = started;
        _features = features;
        _jobs = jobs;
        _writer = writer;
        _lifecycle = lifecycle;
        _log = log;
    }

    /// <summary>The StartMedicalTranscriptionJob request the recorded job stands for (no media: the audio was streamed).</summary>
    public JobRequest Job { get; }

    public S3Location Location => OutputLocation.For(Job.OutputBucketName!, Job.OutputKey, Job.MedicalTranscriptionJobName);

    /// <summary>The job a stream with an output bucket is recorded as: its settings in a job's terms, named by the session when not named.</summary>
    public static JobRequest JobOf(StreamRequest request, string sessionId) => new()
    {
        MedicalTranscriptionJobName = request.MedicalTranscriptionJobName ?? sessionId,
        LanguageCode = request.LanguageCode,
        MediaSampleRateHertz = request.MediaSampleRateHertz,
        // AWS's media formats know flac and ogg; raw pcm has none.
        MediaFormat = request.MediaEncoding switch { "flac" => "flac", "ogg-opus" => "ogg", _ => null },
        OutputBucketName = request.OutputBucketName,
        OutputKey = request.OutputKey,
        Settings = new JobSettings
        {
            ShowSpeakerLabels = request.ShowSpeakerLabel,
            MaxSpeakerLabels = request.ShowSpeakerLabel == true ? StreamFeatures.MaxSpeakers : null,
            ChannelIdentification = request.EnableChannelIdentification,
            VocabularyName = request.VocabularyName,
        },
        ContentIdentificationType = request.ContentIdentificationType,
        Specialty = request.Specialty,
        Type = request.Type,
    };

    /// <summary>The stream ended normally: write its transcript, then store the job COMPLETED.</summary>
    internal async Task CompleteAsync(IReadOnlyList<ChannelTranscriber> channels, CancellationToken ct)
    {
        var recognitions = channels.Select(c => new Recognition(c.Finished)).ToList();
        IReadOnlyList<Diarization.SpeakerTurn>? turns = null;
        if (_features.Speakers is { } speakers)
        {
            speakers.CatchUp();
            turns = _features.Diarizer.Diarize(speakers, recognitions[0], StreamFeatures.MaxSpeakers);
        }
        var name = Job.MedicalTranscriptionJobName;
        // Free at the start; a job of that name started since keeps its name and its transcript (the stream fails).
        RequestValidator.CheckRecordingNameFree(await _jobs.GetAsync(new Resources.ResourceKey(_accountId, name), ct) is not null);
        var transcript = TranscriptBuilder.Build(name, _accountId,
            new TranscriptInput(recognitions, Job.Settings.ChannelIdentification == true, SpeakerTurns: turns, IdentifyPhi: _features.IdentifyPhi));
        try
        {
            await _writer.WriteAsync(Location, transcript, sealing: null, ct);
        }
        catch (Exception e) when (e is InvalidObjectKeyException or ObjectWriteFailedException or ObjectStoreUnavailableException)
        {
            var failure = new JobFailure(e is ObjectStoreUnavailableException ? JobFailureKind.ObjectStoreUnavailable : JobFailureKind.TranscriptNotWritten,
                $"The stream's transcript couldn't be written to {Location}: {e.Message}");
            await _lifecycle.RecordStreamAsync(_accountId, Job, _started, null, failure, CancellationToken.None);
            var message = $"{failure.Reason} The results sent are all there is; job '{name}' is FAILED.";
            // The bucket's state can make a key valid at the start unwritable at the end (a folder bucket where the key
            // now runs through an object): the caller's key, so a bad request, not an internal failure.
            throw e is InvalidObjectKeyException
                ? ServiceException.BadRequest(message, "outputKey")
                : new ServiceException(AwsError.InternalFailureException, message);
        }
        await _lifecycle.RecordStreamAsync(_accountId, Job, _started, Location.ToString(), null, ct);
    }

    /// <summary>The stream ended in an error: the job is stored FAILED with the reason (best effort: the stream's own error is what the caller sees).</summary>
    internal async Task FailAsync(Exception error)
    {
        var why = error switch
        {
            ServiceException refused => refused.Message,
            OperationCanceledException => "the call was cancelled (by the client, or the service shutting down).",
            _ => $"internal failure: {error.Message}",
        };
        try
        {
            await _lifecycle.RecordStreamAsync(_accountId, Job, _started, null,
                new JobFailure(JobFailureKind.StreamEnded, $"The stream ended before its audio did, so no transcript was kept: {why}"), CancellationToken.None);
        }
        catch (Exception e)
        {
            _log.LogWarning(e, "Stream recorded as job {JobName} could not be stored FAILED", Job.MedicalTranscriptionJobName);
        }
    }
}
