using MedGrpc.Transcribe.V1;

namespace MedGrpc.Bench.Chaos;

/// <summary>
/// The chaos bench's jobs: mixed lengths (clips of 2, 4 and 8 s) and mixed settings (dictation and conversations with
/// speaker labels, alternatives, PHI identification, a custom vocabulary, an output folder, a tag), drawn from the seed
/// so that a run can be repeated. Every one must end COMPLETED.
/// </summary>
public sealed class ChaosJobs
{
    public const string MediaBucket = "chaos-media";

    /// <summary>The jobs' transcripts alone, so that what the bucket holds is what the jobs wrote.</summary>
    public const string OutputBucket = "chaos-out";

    public const string Vocabulary = "chaos-vocabulary";

    /// <summary>Clip lengths in seconds, cut from one dictation at different places, and how often each is used.</summary>
    public static readonly IReadOnlyList<(string Key, double From, double Seconds, double Share)> Clips =
    [
        ("short.wav", 10, 2, 0.5),
        ("medium.wav", 20, 4, 0.35),
        ("long.wav", 30, 8, 0.15),
    ];

    private readonly List<StartMedicalTranscriptionJobRequest> _requests;

    public ChaosJobs(int count, int seed)
    {
        var random = new Random(seed);
        _requests = Enumerable.Range(1, count).Select(i => Request($"chaos-{i:D4}", random)).ToList();
    }

    public IReadOnlyList<StartMedicalTranscriptionJobRequest> Requests => _requests;

    /// <summary>The transcript's key in <see cref="OutputBucket"/>, as the service names it (OutputLocation).</summary>
    public static string TranscriptKey(StartMedicalTranscriptionJobRequest request) =>
        request.HasOutputKey ? $"{request.OutputKey.TrimEnd('/')}/{request.MedicalTranscriptionJobName}.json" : $"{request.MedicalTranscriptionJobName}.json";

    private static StartMedicalTranscriptionJobRequest Request(string name, Random random)
    {
        var clip = Pick(random);
        var conversation = random.NextDouble() < 0.25;
        var request = new StartMedicalTranscriptionJobRequest
        {
            MedicalTranscriptionJobName = name,
            LanguageCode = LanguageCode.EnUs,
            Media = new Media { MediaFileUri = $"s3://{MediaBucket}/{clip}" },
            OutputBucketName = OutputBucket,
            Specialty = Specialty.Primarycare,
            Type = conversation ? MedicalJobType.Conversation : MedicalJobType.Dictation,
            Settings = new MedicalTranscriptionSetting(),
        };
        if (conversation) (request.Settings.ShowSpeakerLabels, request.Settings.MaxSpeakerLabels) = (true, 2);
        if (random.NextDouble() < 0.2) (request.Settings.ShowAlternatives, request.Settings.MaxAlternatives) = (true, 2);
        if (random.NextDouble() < 0.2) request.Settings.VocabularyName = Vocabulary;
        if (random.NextDouble() < 0.25) request.ContentIdentificationType = ContentIdentificationType.Phi;
        if (random.NextDouble() < 0.3) request.OutputKey = "chaos-folder/";
        if (random.NextDouble() < 0.3) request.Tags.Add(new Tag { Key = "ward", Value = "cardiology" });
        return request;
    }

    private static string Pick(Random random)
    {
        var draw = random.NextDouble();
        foreach (var clip in Clips)
        {
            if (draw < clip.Share) return clip.Key;
            draw -= clip.Share;
        }
        return Clips[^1].Key;
    }
}
