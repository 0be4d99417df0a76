using Google.Protobuf;
using Grpc.Core;
using MedGrpc.Core.Errors;
using MedGrpc.Core.Media;
using MedGrpc.Core.Ports;
using MedGrpc.Core.Validation;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Service.Api;

/// <summary>The ObjectStore gRPC service: put and get objects of the service's buckets over gRPC.</summary>
public sealed class ObjectStoreApi(IObjectStore objects) : ObjectStore.ObjectStoreBase
{
    private const int ChunkSize = 64 * 1024;

    public override async Task<PutObjectResponse> PutObject(IAsyncStreamReader<PutObjectRequest> requestStream, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        if (!await requestStream.MoveNext(ct) || requestStream.Current.PartCase != PutObjectRequest.PartOneofCase.Location)
            throw ServiceException.BadRequest("The first PutObject message must carry 'location' (bucket and key); the bytes follow in later messages.", "location");
        var location = Location(requestStream.Current.Location.Bucket, requestStream.Current.Location.Key);
        await using var body = new ChunkStream(requestStream, ct);
        var size = await Guard(() => objects.WriteAsync(location, body, ct));
        return new PutObjectResponse { Uri = location.ToString(), Size = size };
    }

    public override async Task GetObject(GetObjectRequest request, IServerStreamWriter<GetObjectResponse> responseStream, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var location = Location(request.Bucket, request.Key);
        if (await Guard(() => objects.GetSizeAsync(location, ct)) is null) throw NoSuchObject(location);
        Stream stream;
        try
        {
            stream = await objects.OpenReadAsync(location, ct);
        }
        catch (Exception)
        {
            // Deleted between the check and the read (found by the fuzz bench: an INTERNAL): gone, as if never there.
            if (await objects.GetSizeAsync(location, ct) is null) throw NoSuchObject(location);
            throw;
        }
        await using var _ = stream;
        var buffer = new byte[ChunkSize];
        int read;
        while ((read = await stream.ReadAsync(buffer, ct)) > 0)
            await responseStream.WriteAsync(new GetObjectResponse { Chunk = ByteString.CopyFrom(buffer, 0, read) }, ct);
    }

    public override async Task<ListObjectsResponse> ListObjects(ListObjectsRequest request, ServerCallContext context)
    {
        var list = await Guard(() => objects.ListAsync(Bucket(request.Bucket), request.Prefix, context.CancellationToken));
        var response = new ListObjectsResponse();
        response.Objects.AddRange(list.Select(o => new ObjectEntry { Key = o.Key, Size = o.Size }));
        return response;
    }

    public override async Task<DeleteObjectResponse> DeleteObject(DeleteObjectRequest request, ServerCallContext context)
    {
        var location = Location(request.Bucket, request.Key);
        if (!await Guard(() => objects.DeleteAsync(location, context.CancellationToken))) throw NoSuchObject(location);
        return new DeleteObjectResponse();
    }

    // The bucket and key rules are the core's (Validation/ObjectRules.cs).
    private static S3Location Location(string bucket, string key) => RequestValidator.ValidateObjectLocation(bucket, key);

    private static string Bucket(string bucket) => RequestValidator.ValidateBucket(bucket);

    private static ServiceException NoSuchObject(S3Location location) =>
        new(AwsError.NotFoundException, $"The object '{location}' doesn't exist.");

    // The store's own key checks speak for themselves; pass them on as BadRequest.
    private static async Task<T> Guard<T>(Func<Task<T>> action)
    {
        try { return await action(); }
        catch (InvalidObjectKeyException e) { throw ServiceException.BadRequest(e.Message, "key"); }
    }

    /// <summary>The chunks of a PutObject stream as one read-only stream, so the store copies it without buffering it whole.</summary>
    private sealed class ChunkStream(IAsyncStreamReader<PutObjectRequest> requests, CancellationToken ct) : MedGrpc.Core.Media.ReadOnlyStream
    {
        private ReadOnlyMemory<byte> _pending;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            while (_pending.IsEmpty)
            {
                if (!await requests.MoveNext(ct)) return 0;
                if (requests.Current.PartCase != PutObjectRequest.PartOneofCase.Chunk)
                    throw ServiceException.BadRequest("Only the first PutObject message may carry 'location'; later ones carry 'chunk'.", "chunk");
                _pending = requests.Current.Chunk.Memory;
            }
            var count = Math.Min(buffer.Length, _pending.Length);
            _pending[..count].CopyTo(buffer);
            _pending = _pending[count..];
            return count;
        }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();
    }
}
