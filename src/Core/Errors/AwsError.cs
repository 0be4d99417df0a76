namespace MedGrpc.Core.Errors;

/// <summary>The AWS Transcribe error names; the gRPC edge maps each to a status code.</summary>
public enum AwsError
{
    BadRequestException,
    ConflictException,
    LimitExceededException,
    NotFoundException,
    InternalFailureException,
}
