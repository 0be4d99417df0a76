using System.Text.RegularExpressions;
using MedGrpc.Core.Contract;
using MedGrpc.Core.Errors;
using MedGrpc.Core.Model;

namespace MedGrpc.Core.Validation;

/// <summary>The rules of a live stream's settings (StreamTranscription's first message), as AWS's StartMedicalStreamTranscription has them.</summary>
public static partial class RequestValidator
{
    [GeneratedRegex(ContractLimits.SessionIdPattern)]
    private static partial Regex SessionIdPattern();

    public static void ValidateStream(StreamRequest request)
    {
        var c = new ConstraintChecker();
        c.Required(request.LanguageCode, "languageCode");
        c.Enum(request.LanguageCode, "languageCode", AwsEnums.LanguageCodes);
        c.Required(request.MediaSampleRateHertz, "mediaSampleRateHertz");
        c.Range(request.MediaSampleRateHertz, "mediaSampleRateHertz", ContractLimits.MinSampleRate, ContractLimits.MaxSampleRate);
        c.Required(request.MediaEncoding, "mediaEncoding");
        c.Enum(request.MediaEncoding, "mediaEncoding", AwsEnums.MediaEncodings);
        c.Required(request.Specialty, "specialty");
        c.Enum(request.Specialty, "specialty", SpecialtyRules.Streaming);
        c.Required(request.Type, "type");
        c.Enum(request.Type, "type", AwsEnums.Types);
        if (request.VocabularyName is not null) CheckName(c, request.VocabularyName, "vocabularyName");
        c.Range(request.NumberOfChannels, "numberOfChannels", ContractLimits.StreamChannels, ContractLimits.StreamChannels);
        c.Enum(request.ContentIdentificationType, "contentIdentificationType", AwsEnums.ContentIdentificationTypes);
        c.Length(request.SessionId, "sessionId", 36, 36);
        c.Pattern(request.SessionId, "sessionId", SessionIdPattern(), "[a-fA-F0-9]{8}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{12}");
        // Recording to a job (MedGrpc's own): the batch job's rules for the same members; given, the bucket is not empty
        // (the batch job's is required; found by the fuzz bench, an empty one reached the store's own check).
        if (request.OutputBucketName is "") c.Length(request.OutputBucketName, "outputBucketName", 1, ContractLimits.MaxBucketNameLength);
        CheckOutputMembers(c, request.OutputBucketName, request.OutputKey);
        if (request.MedicalTranscriptionJobName is not null) CheckName(c, request.MedicalTranscriptionJobName, "medicalTranscriptionJobName");
        c.ThrowIfAny();

        if (request.LanguageCode != AwsEnums.SupportedLanguageCode)
            throw ServiceException.BadRequest(
                $"The language code '{request.LanguageCode}' at 'languageCode' isn't supported for medical transcription: en-US is the only valid value.",
                "languageCode");
        if (request.EnableChannelIdentification == true && request.NumberOfChannels is null)
            throw ServiceException.BadRequest(
                "'numberOfChannels' is required when 'enableChannelIdentification' is true: give 2.",
                "numberOfChannels");
        if (request.NumberOfChannels is not null && request.EnableChannelIdentification != true)
            throw ServiceException.BadRequest(
                "'numberOfChannels' requires 'enableChannelIdentification' to be true.",
                "enableChannelIdentification");
        if (request.ShowSpeakerLabel == true && request.EnableChannelIdentification == true)
            throw ServiceException.BadRequest(
                "You can't include both 'showSpeakerLabel' and 'enableChannelIdentification' in the same request. Choose one.",
                "enableChannelIdentification");
        foreach (var (value, field) in new[] { (request.OutputKey, "outputKey"), (request.MedicalTranscriptionJobName, "medicalTranscriptionJobName") })
            if (value is not null && request.OutputBucketName is null)
                throw ServiceException.BadRequest(
                    $"'{field}' requires 'outputBucketName': a stream is recorded to a job only when it names the bucket the transcript goes to.",
                    "outputBucketName");
    }

    /// <summary>
    /// A recorded stream's job must not exist yet: refused at the stream's start, before any audio, rather than at its
    /// end, when the dictation is done; checked again just before the transcript is written, so that a job of that name
    /// started during the stream keeps its name and its transcript (the stream then ends with ConflictException).
    /// </summary>
    public static void CheckRecordingNameFree(bool taken)
    {
        if (taken)
            throw new ServiceException(AwsError.ConflictException,
                "The requested job name at 'medicalTranscriptionJobName' already exists. Use a different job name (by default the session id is the job's name).",
                [new FieldViolation("medicalTranscriptionJobName", "already exists")]);
    }

    /// <summary>A stream's audio may not run past AWS's four hours.</summary>
    public static void CheckStreamLength(double audioSeconds)
    {
        if (audioSeconds > ContractLimits.MaxStreamSeconds)
            throw new ServiceException(AwsError.LimitExceededException,
                $"The stream's audio passed {ContractLimits.MaxStreamSeconds / 3600} hours, the longest a stream may run. Start a new stream to go on.");
    }

    /// <summary>The settings come first, once; every later message is audio.</summary>
    public static ServiceException StreamOutOfOrder(bool settingsSeen) => settingsSeen
        ? ServiceException.BadRequest("The stream's settings came a second time: send them once, as the first message, then only audio events.", "settings")
        : ServiceException.BadRequest("The stream's first message must be its settings (languageCode, mediaSampleRateHertz, mediaEncoding, specialty, type), not audio.", "settings");

    /// <summary>A client that sends nothing for the idle timeout is ended (AWS ends a stream after 15 s without audio).</summary>
    public static ServiceException StreamIdle(double seconds) =>
        ServiceException.BadRequest(
            $"Your stream timed out: no audio event arrived for {seconds:0.#} seconds (MedGrpc:Limits:StreamIdleSeconds). Keep sending audio, silence included, or end the stream.",
            "audioEvent");

    /// <summary>Beyond the streams this replica serves at once.</summary>
    public static ServiceException TooManyStreams(int limit) =>
        new(AwsError.LimitExceededException,
            $"You have reached the limit of {limit} concurrent streams (MedGrpc:Limits:MaxConcurrentStreams). Wait for a stream to end and try your request again.");

    /// <summary>Audio of a compressed encoding that the decoder can't read.</summary>
    public static ServiceException UndecodableAudio(string encoding, string detail) =>
        ServiceException.BadRequest(
            $"The audio at 'audioEvent.audioChunk' couldn't be decoded as {encoding}: {detail}. Send {encoding} data as 'mediaEncoding' says, or change 'mediaEncoding'.",
            "audioEvent.audioChunk");
}
