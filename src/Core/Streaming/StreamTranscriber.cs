using MedGrpc.Core.Diarization;
using MedGrpc.Core.Errors;
using MedGrpc.Core.Jobs;
using MedGrpc.Core.Model;
using MedGrpc.Core.Ports;
using MedGrpc.Core.Resources;
using MedGrpc.Core.Transcripts;
using MedGrpc.Core.Validation;

namespace MedGrpc.Core.Streaming;

/// <summary>
/// The StreamTranscription operation: judges a stream's settings, finds its vocabulary, takes a lease of the engine
/// and a live recognizer per channel, and hands back the open <see cref="LiveStream"/>; with an output bucket, also the
/// job it will be recorded as (<see cref="StreamRecording"/>).
/// </summary>
public sealed class StreamTranscriber(
    IEngineCapacity capacity,
    ITranscriptionEngine engine,
    ILiveAudioDecoder decoder,
    IVocabularyStore vocabularies,
    ISpeakerDiarizer diarizer,
    IObjectStore objects,
    IJobStore jobs,
    TranscriptWriter writer,
    JobLifecycle lifecycle,
    TimeProvider clock,
    ILogger<StreamTranscriber> log)
{
    public async Task<LiveStream> OpenAsync(string accountId, StreamRequest request, CancellationToken ct)
    {
        var started = clock.GetUtcNow();
        RequestValidator.ValidateStream(request);
        RecognitionVocabulary? vocabulary = null;
        if (request.VocabularyName is { } name)
        {
            var found = await vocabularies.GetAsync(new ResourceKey(accountId, name), ct);
            RequestValidator.CheckVocabularyReference(name, found, "vocabularyName");
            vocabulary = new RecognitionVocabulary(found!.VersionKey, found.Phrases);
        }
        var sessionId = request.SessionId ?? Guid.NewGuid().ToString();
        // Recording to a job: the batch job's output rules, and a name not taken, judged now rather than after the dictation.
        JobRequest? recorded = null;
        if (request.OutputBucketName is { } bucket)
        {
            recorded = StreamRecording.JobOf(request, sessionId);
            RequestValidator.CheckOutput(recorded, await objects.BucketExistsAsync(bucket, ct));
            RequestValidator.CheckRecordingNameFree(await jobs.GetAsync(new ResourceKey(accountId, recorded.MedicalTranscriptionJobName), ct) is not null);
        }
        var lease = capacity.TryLeaseStream() ?? throw RequestValidator.TooManyStreams(capacity.StreamLimit);
        var channels = new List<ChannelTranscriber>();
        try
        {
            var features = new StreamFeatures(request.ShowSpeakerLabel == true ? new AcousticFeatures() : null, diarizer,
                request.ContentIdentificationType == AwsEnums.SupportedContentIdentificationType);
            for (var c = 0; c < request.Channels; c++)
            {
                // Loading a decoder (none idle, or a vocabulary's) takes a while: off the caller's thread.
                var recognizer = await Task.Run(() => engine.StartLive(new RecognitionOptions(1, vocabulary)), ct)
                    ?? throw new ServiceException(AwsError.BadRequestException,
                        "This service's engine doesn't transcribe live streams: run it with MedGrpc:Engine=pocketsphinx (docs/streaming.md).");
                channels.Add(new ChannelTranscriber(recognizer, request.EnableChannelIdentification == true ? Transcripts.TranscriptBuilder.ChannelLabel(c) : null, features));
            }
            log.LogInformation("Stream {SessionId} opened: {MediaEncoding} at {SampleRate} Hz, {Channels} channel(s), speakers {ShowSpeakerLabel}, PHI {IdentifyPhi}, vocabulary {HasVocabulary}, recorded {Recorded}",
                sessionId, request.MediaEncoding, request.MediaSampleRateHertz, request.Channels, request.ShowSpeakerLabel == true, features.IdentifyPhi, vocabulary is not null, recorded is not null);
            var recording = recorded is null ? null : new StreamRecording(accountId, recorded, started, features, jobs, writer, lifecycle, log);
            return new LiveStream(sessionId, request, channels, decoder, lease, recording);
        }
        catch
        {
            foreach (var channel in channels) channel.Dispose();
            lease.Dispose();
            throw;
        }
    }
}
