using Google.Rpc;
using Grpc.Core;
using MedGrpc.Client;

namespace MedGrpc.Cli;

/// <summary>Prints a failed call on standard error and picks its exit code: 3 when the service refused it AWS-style, 4 otherwise.</summary>
internal static class ErrorReport
{
    // The ErrorInfo domain of MedGrpc's refusals (docs/contract.md, "Errors").
    private const string ServiceDomain = "medgrpc.transcribe.v1";

    public static int Print(MedicalTranscriptionException error, Uri address)
    {
        // The client names every failure without an ErrorInfo InternalFailureException, an unreachable service too;
        // only an ErrorInfo from the service itself makes this a refusal rather than a failed call.
        if (!CarriesAwsError(error))
        {
            Console.Error.WriteLine($"medgrpc: the call to the service at {address} failed ({error.StatusCode}): {error.Message}");
            return ExitCodes.RpcFailure;
        }
        Console.Error.WriteLine($"{error.AwsError}: {error.Message}");
        foreach (var (field, description) in error.FieldViolations)
            Console.Error.WriteLine($"  {field}: {description}");
        return ExitCodes.ServiceError;
    }

    public static int Print(RpcFailureException error, Uri address)
    {
        Console.Error.WriteLine($"medgrpc: {address}: {error.Message}");
        return ExitCodes.RpcFailure;
    }

    private static bool CarriesAwsError(MedicalTranscriptionException error) =>
        error.InnerException is RpcException rpc && rpc.GetRpcStatus()?.GetDetail<ErrorInfo>() is { Domain: ServiceDomain };
}
