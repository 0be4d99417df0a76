using MedGrpc.Core.Errors;

namespace MedGrpc.Service.AwsApi;

/// <summary>
/// The HTTP status of each AWS error, as AWS's JSON services answer: the caller's faults (the request, its
/// credentials, its rate) 400, a fault of ours 500, a store out of reach 503. SDKs retry 5xx, and LimitExceeded
/// as throttling, with backoff.
/// </summary>
public static class AwsErrorStatus
{
    public static int Of(AwsError error) => error switch
    {
        AwsError.InternalFailureException => StatusCodes.Status500InternalServerError,
        AwsError.ServiceUnavailableException => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status400BadRequest,
    };
}
