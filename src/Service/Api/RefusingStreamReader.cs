using Grpc.Core;

namespace MedGrpc.Service.Api;

/// <summary>
/// A streamed request as the handler reads it, with gRPC's own framing errors turned into the caller's: gRPC's reader
/// throws INTERNAL for a frame cut short or a compressed flag without a grpc-encoding, and the inflater's own error for a gzip message that doesn't inflate, which the caller sent, so the
/// next message refuses as a BadRequestException (<see cref="UnreadableMessageRefusal.Error"/>), logged through
/// <see cref="UnreadableMessageLog"/> like an unreadable unary body.
/// </summary>
public sealed class RefusingStreamReader<T>(IAsyncStreamReader<T> inner, Action refused) : IAsyncStreamReader<T>
{
    public T Current => inner.Current;

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        try
        {
            return await inner.MoveNext(cancellationToken);
        }
        // InvalidDataException: a gzip-flagged message that doesn't inflate, thrown by the inflater itself.
        catch (Exception e) when (e is RpcException { StatusCode: StatusCode.Internal } or InvalidDataException)
        {
            refused();
            throw UnreadableMessageRefusal.Error();
        }
    }
}
