using Google.Rpc;
using Grpc.Core;

namespace MedGrpc.Client;

/// <summary>
/// The service refused a call. <see cref="AwsError"/> is the AWS error name the service sent
/// (BadRequestException, ConflictException, LimitExceededException, NotFoundException,
/// InternalFailureException, ServiceUnavailableException, MissingAuthenticationTokenException,
/// UnrecognizedClientException), or InternalFailureException when the call failed without one (the service
/// couldn't be reached); <see cref="FieldViolations"/> names the fields at fault.
/// </summary>
public sealed class MedicalTranscriptionException : Exception
{
    public MedicalTranscriptionException(RpcException inner)
        : base(inner.Status.Detail, inner)
    {
        StatusCode = inner.StatusCode;
        var status = inner.GetRpcStatus();
        AwsError = status?.GetDetail<ErrorInfo>()?.Reason ?? "InternalFailureException";
        FieldViolations = status?.GetDetail<BadRequest>()?.FieldViolations
            .Select(v => (v.Field, v.Description)).ToList() ?? [];
    }

    public string AwsError { get; }
    public StatusCode StatusCode { get; }
    public IReadOnlyList<(string Field, string Description)> FieldViolations { get; }
}
