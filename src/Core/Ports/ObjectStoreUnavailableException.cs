using MedGrpc.Core.Errors;

namespace MedGrpc.Core.Ports;

/// <summary>The object store stayed unreachable through every retry: the call fails, and a job with it, with this message.</summary>
public sealed class ObjectStoreUnavailableException(string message, Exception inner) : StoreUnavailableException(message, inner);
