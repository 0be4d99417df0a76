namespace MedGrpc.Cli;

/// <summary>
/// What medgrpc's exit code tells a script. Distinct codes let a script retry an unreachable
/// service (4) without retrying a request the service refused (3) or a recording that cannot be transcribed (1).
/// </summary>
public static class ExitCodes
{
    /// <summary>The command did what it was asked.</summary>
    public const int Success = 0;

    /// <summary>The job ran and FAILED; its FailureReason is printed. Only commands that wait for a job's end (watch, start --watch, transcript) return it.</summary>
    public const int JobFailed = 1;

    /// <summary>The command line is wrong: unknown command or option, a missing required option, a value that is not of the option's type or not an AWS value of its enum, a file `dictate` can't stream.</summary>
    public const int UsageError = 2;

    /// <summary>The service refused the request with an AWS-style error (BadRequestException, ConflictException, NotFoundException, ...); the error name, message and field violations are printed.</summary>
    public const int ServiceError = 3;

    /// <summary>The service could not be reached, or the call failed without an AWS-style error (transport failure, timeout, a reply that is not MedGrpc's).</summary>
    public const int RpcFailure = 4;

    /// <summary>`models download` fetched nothing usable: the server refused or could not be reached, or the file failed its checksum. No file is left behind.</summary>
    public const int DownloadFailed = 5;

    /// <summary>Ctrl+C (SIGINT) or SIGTERM stopped the command, by the shell's convention 128 + SIGINT. A job it started or watched goes on in the service.</summary>
    public const int Interrupted = 130;
}
