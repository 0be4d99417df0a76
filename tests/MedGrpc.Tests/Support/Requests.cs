using MedGrpc.Transcribe.V1;

namespace MedGrpc.Tests.Support;

/// <summary>Valid requests to start from; each test changes the one thing it is about.</summary>
public static class Requests
{
    public static StartMedicalTranscriptionJobRequest Dictation(string name, string mediaUri, string outputBucket = "out") => new()
    {
        MedicalTranscriptionJobName = name,
        LanguageCode = LanguageCode.EnUs,
        Media = new Transcribe.V1.Media { MediaFileUri = mediaUri },
        OutputBucketName = outputBucket,
        Specialty = Specialty.Primarycare,
        Type = MedicalJobType.Dictation,
    };
}
