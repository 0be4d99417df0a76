using MedGrpc.Transcribe.V1;

namespace MedGrpc.Client;

/// <summary>The job ran and FAILED; <see cref="FailureReason"/> is AWS's reason string.</summary>
public sealed class MedicalTranscriptionJobFailedException(MedicalTranscriptionJob job)
    : Exception($"Medical transcription job '{job.MedicalTranscriptionJobName}' failed: {job.FailureReason}")
{
    public MedicalTranscriptionJob Job { get; } = job;
    public string FailureReason => Job.FailureReason;
}
