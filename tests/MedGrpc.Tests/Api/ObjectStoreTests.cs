using Google.Protobuf;
using Grpc.Core;
using MedGrpc.Client;
using MedGrpc.Tests.Support;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Tests.Api;

/// <summary>Callers without access to the server's disk put media and get transcripts over gRPC.</summary>
[Trait("Suite", "Integration")] // also run on the scale-out backend (scripts/test.sh)
public sealed class ObjectStoreTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly TestServer _server = fixture.Server;

    private async Task<PutObjectResponse> PutAsync(string bucket, string key, byte[] content, int chunk = 1000)
    {
        using var call = _server.Objects.PutObject();
        try
        {
            await call.RequestStream.WriteAsync(new PutObjectRequest { Location = new ObjectLocation { Bucket = bucket, Key = key } });
            for (var offset = 0; offset < content.Length; offset += chunk)
                await call.RequestStream.WriteAsync(new PutObjectRequest { Chunk = ByteString.CopyFrom(content, offset, Math.Min(chunk, content.Length - offset)) });
            await call.RequestStream.CompleteAsync();
        }
        catch (RpcException)
        {
            // The service may refuse the location before it has read the chunks; a write then fails with the
            // stream's reset (CANCELLED), and the call itself carries the status the service answered.
        }
        return await call;
    }

    [Fact]
    public async Task A_streamed_message_that_is_not_the_request_message_is_BadRequestException()
    {
        var raw = new Method<byte[], byte[]>(MethodType.ClientStreaming, "medgrpc.transcribe.v1.ObjectStore", "PutObject",
            Marshallers.Create(b => b, b => b), Marshallers.Create(b => b, b => b));
        using var call = _server.Channel.CreateCallInvoker().AsyncClientStreamingCall(raw, null, new CallOptions());
        try
        {
            await call.RequestStream.WriteAsync([0xFF, 0xFF, 0xFF]);
            await call.RequestStream.CompleteAsync();
        }
        catch (RpcException)
        {
            // The service may answer before the stream is complete; the call carries its status.
        }
        await JobAssertions.RefusedAsync(async () => await call, StatusCode.InvalidArgument, "BadRequestException");
    }

    private async Task<byte[]> GetAsync(string bucket, string key)
    {
        using var call = _server.Objects.GetObject(new GetObjectRequest { Bucket = bucket, Key = key });
        var bytes = new MemoryStream();
        await foreach (var part in call.ResponseStream.ReadAllAsync()) part.Chunk.WriteTo(bytes);
        return bytes.ToArray();
    }

    // Found by the fuzz bench: a key part or bucket name longer than a file name reached the file system (INTERNAL).
    [Theory]
    [InlineData("media", 256, 1)]
    [InlineData("media", 200, 6)]
    [InlineData(null, 10, 1)]
    public async Task A_key_part_over_255_bytes_a_key_over_1024_or_a_bucket_over_63_is_BadRequestException(string? bucket, int partLength, int parts)
    {
        var key = string.Join('/', Enumerable.Repeat(new string('k', partLength), parts));
        await JobAssertions.RefusedAsync(() => PutAsync(bucket ?? new string('b', 64), key, [1, 2, 3]), StatusCode.InvalidArgument, "BadRequestException");
    }

    [Fact]
    public async Task An_object_put_in_chunks_comes_back_byte_for_byte()
    {
        var content = Enumerable.Range(0, 250_000).Select(i => (byte)i).ToArray();
        var put = await PutAsync("uploads", "a/b/blob.bin", content);
        Assert.Equal("s3://uploads/a/b/blob.bin", put.Uri);
        Assert.Equal(content.Length, put.Size);
        Assert.Equal(content, await GetAsync("uploads", "a/b/blob.bin"));
    }

    [Fact]
    public async Task Uploaded_media_is_transcribed_and_the_transcript_downloaded_over_grpc()
    {
        var put = await PutAsync("uploads", "goforward.wav", await File.ReadAllBytesAsync(MediaFiles.GoForward), chunk: 64 * 1024);
        var completed = await _server.Jobs.StartAndWaitAsync(Requests.Dictation("uploaded", put.Uri));
        var json = System.Text.Encoding.UTF8.GetString(await GetAsync("out", "uploaded.json"));
        Assert.Contains("\"jobName\":\"uploaded\"", json);
        Assert.Contains("forward", completed.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_key_that_escapes_its_bucket_is_refused()
    {
        var e = await Assert.ThrowsAsync<RpcException>(() => PutAsync("uploads", "../out/evil.json", [1]));
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.False(_server.ObjectExists("out", "evil.json"));
    }

    [Fact]
    public async Task A_put_that_starts_with_bytes_is_refused()
    {
        using var call = _server.Objects.PutObject();
        await call.RequestStream.WriteAsync(new PutObjectRequest { Chunk = ByteString.CopyFrom([1, 2]) });
        await call.RequestStream.CompleteAsync();
        var e = await Assert.ThrowsAsync<RpcException>(async () => await call);
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Contains("location", e.Status.Detail);
    }

    [Fact]
    public async Task Getting_a_missing_object_is_not_found()
    {
        var e = await Assert.ThrowsAsync<RpcException>(() => GetAsync("uploads", "missing.bin"));
        Assert.Equal(StatusCode.NotFound, e.StatusCode);
    }

    [Fact]
    public async Task List_and_delete_see_put_objects()
    {
        await PutAsync("listing", "x/1.bin", [1]);
        await PutAsync("listing", "x/2.bin", [1, 2]);
        var listed = await _server.Objects.ListObjectsAsync(new ListObjectsRequest { Bucket = "listing", Prefix = "x/" });
        Assert.Equal(["x/1.bin", "x/2.bin"], listed.Objects.Select(o => o.Key));
        await _server.Objects.DeleteObjectAsync(new DeleteObjectRequest { Bucket = "listing", Key = "x/1.bin" });
        listed = await _server.Objects.ListObjectsAsync(new ListObjectsRequest { Bucket = "listing" });
        Assert.Equal(["x/2.bin"], listed.Objects.Select(o => o.Key));
    }
}
