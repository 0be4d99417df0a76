namespace MedGrpc.Cli;

/// <summary>The service answered, but not as MedGrpc should (a WatchJob stream that ends early, a transcript URI that is not s3://): exit code 4.</summary>
internal sealed class RpcFailureException(string message) : Exception(message);
