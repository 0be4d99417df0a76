using MedGrpc.Transcribe.V1;

namespace MedGrpc.Client;

/// <summary>A COMPLETED job and its transcript.</summary>
public sealed record CompletedJob(MedicalTranscriptionJob Job, Transcript Transcript)
{
    /// <summary>The full transcript text.</summary>
    public string Text => Transcript.Results?.Transcripts.FirstOrDefault()?.Transcript ?? "";
}
