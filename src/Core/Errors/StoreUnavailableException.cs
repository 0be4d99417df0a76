namespace MedGrpc.Core.Errors;

/// <summary>
/// A store (the job store or the object store) can't be reached for now: worth trying again, as
/// opposed to a bad request or a bug. Each storage adapter turns its driver's faults into this, so
/// nothing outside an adapter needs to know the driver.
/// </summary>
public class StoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>A fault that means a store is unreachable for now: this exception, or a time-out on the way to one.</summary>
    public static bool Is(Exception e) => e is StoreUnavailableException or TimeoutException;
}
