using MedGrpc.Transcribe.V1;

namespace MedGrpc.Cli.Output;

/// <summary>The end of a followed job (watch, start --watch): its summary, and exit code 1 with the FailureReason when it FAILED.</summary>
internal static class TerminalJob
{
    public static int Report(MedicalTranscriptionJob job, Transcript? transcript, bool json)
    {
        if (json) AwsJson.Print(AwsJson.JobResponse(job));
        else JobDetails.Write(Terminal.Out, job, transcript);
        return ExitIfFailed(job);
    }

    /// <summary>Exit code 1 and the reason on standard error for a FAILED job; 0 otherwise.</summary>
    public static int ExitIfFailed(MedicalTranscriptionJob job)
    {
        if (job.TranscriptionJobStatus != TranscriptionJobStatus.Failed) return ExitCodes.Success;
        Console.Error.WriteLine($"medgrpc: job '{job.MedicalTranscriptionJobName}' FAILED: {job.FailureReason}");
        return ExitCodes.JobFailed;
    }

    public static bool IsTerminal(MedicalTranscriptionJob? job) =>
        job?.TranscriptionJobStatus is TranscriptionJobStatus.Completed or TranscriptionJobStatus.Failed;
}
