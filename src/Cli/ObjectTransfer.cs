using Google.Protobuf;
using Grpc.Core;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Cli;

/// <summary>Moves objects through the service's ObjectStore, for callers without access to its disk.</summary>
internal static class ObjectTransfer
{
    // Well under gRPC's default 4 MB message limit; large enough that a long recording is few messages.
    private const int ChunkSize = 256 * 1024;

    /// <summary>PutObject, client streaming: the location first, then the file in chunks, never whole in memory.</summary>
    public static async Task<PutObjectResponse> UploadAsync(ObjectStore.ObjectStoreClient objects, string file, string bucket, string key, CancellationToken ct)
    {
        using var call = objects.PutObject(cancellationToken: ct);
        try
        {
            await call.RequestStream.WriteAsync(new PutObjectRequest { Location = new ObjectLocation { Bucket = bucket, Key = key } }, ct);
            await using var source = File.OpenRead(file);
            var buffer = new byte[ChunkSize];
            int read;
            while ((read = await source.ReadAsync(buffer, ct)) > 0)
                await call.RequestStream.WriteAsync(new PutObjectRequest { Chunk = ByteString.CopyFrom(buffer, 0, read) }, ct);
            await call.RequestStream.CompleteAsync();
        }
        catch (RpcException) when (!ct.IsCancellationRequested)
        {
            // The service may refuse the location before it has read the chunks; a write then fails with the
            // stream's reset (CANCELLED), and the call itself carries the status the service answered.
        }
        return await call;
    }

    /// <summary>GetObject, server streaming, into memory: transcripts are small next to their audio.</summary>
    public static async Task<byte[]> DownloadAsync(ObjectStore.ObjectStoreClient objects, S3Uri location, CancellationToken ct)
    {
        using var call = objects.GetObject(new GetObjectRequest { Bucket = location.Bucket, Key = location.Key }, cancellationToken: ct);
        using var content = new MemoryStream();
        await foreach (var part in call.ResponseStream.ReadAllAsync(ct))
            part.Chunk.WriteTo(content);
        return content.ToArray();
    }
}
