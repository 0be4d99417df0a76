namespace MedGrpc.Core.Errors;

/// <summary>
/// The AWS error names a caller can get back, on every edge: the gRPC edge puts the name in a google.rpc.ErrorInfo
/// reason beside its status code, the AWS endpoint in <c>__type</c> and <c>x-amzn-ErrorType</c>.
/// </summary>
public enum AwsError
{
    // Transcribe's own (botocore's model): a request the service judged.
    BadRequestException,
    ConflictException,
    LimitExceededException,
    NotFoundException,
    InternalFailureException,

    /// <summary>A store is unreachable for now; worth trying again (HTTP 503, gRPC UNAVAILABLE).</summary>
    ServiceUnavailableException,

    // Authentication, as every AWS JSON service names it.
    /// <summary>No credentials: no Authorization header, no API key.</summary>
    MissingAuthenticationTokenException,
    /// <summary>A malformed Authorization header (SigV4 parts missing or unreadable).</summary>
    IncompleteSignatureException,
    /// <summary>An access key or API key the service doesn't know, or a caller the open service doesn't serve.</summary>
    UnrecognizedClientException,
    /// <summary>A SigV4 signature that doesn't match the request, or a request dated too far from the server's clock.</summary>
    InvalidSignatureException,
}
