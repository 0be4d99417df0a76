using MedGrpc.Core.Model;

namespace MedGrpc.Tests.Validation;

/// <summary>A request that passes every rule; each test breaks exactly one.</summary>
internal static class ValidRequests
{
    public static JobRequest Start() => new()
    {
        MedicalTranscriptionJobName = "visit-2026.11_25",
        LanguageCode = "en-US",
        MediaFileUri = "s3://media/visit.wav",
        OutputBucketName = "transcripts",
        Specialty = "PRIMARYCARE",
        Type = "DICTATION",
    };
}
