namespace MedGrpc.Core.Model;

/// <summary>
/// A live stream's settings (AWS's StartMedicalStreamTranscription parameters), as AWS writes its values; null: not given.
/// </summary>
public sealed record StreamRequest
{
    public string? LanguageCode { get; init; }
    public int? MediaSampleRateHertz { get; init; }
    /// <summary>pcm, ogg-opus or flac.</summary>
    public string? MediaEncoding { get; init; }
    public string? Specialty { get; init; }
    public string? Type { get; init; }
    public string? VocabularyName { get; init; }
    public bool? ShowSpeakerLabel { get; init; }
    public bool? EnableChannelIdentification { get; init; }
    public int? NumberOfChannels { get; init; }
    public string? ContentIdentificationType { get; init; }
    public string? SessionId { get; init; }

    /// <summary>MedGrpc's own (AWS has none): with a bucket, the session is also recorded as a batch job (StreamRecording).</summary>
    public string? OutputBucketName { get; init; }
    public string? OutputKey { get; init; }
    /// <summary>The recording job's name; the session id when left out.</summary>
    public string? MedicalTranscriptionJobName { get; init; }

    public const string Pcm = "pcm";

    /// <summary>The channels the audio carries: two with channel identification, else what pcm declares (mixed down), one.</summary>
    public int Channels => EnableChannelIdentification == true ? NumberOfChannels ?? 1 : 1;
}
