using MedGrpc.Core.Options;
using MedGrpc.Core.Ports;
using MedGrpc.Storage.ScaleOut;
using MedGrpc.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace MedGrpc.Tests.Storage;

/// <summary>The object store contract on a real S3-compatible server (s3rver) of the test's own.</summary>
public sealed class S3ObjectStoreTests : ObjectStoreContract
{
    private S3Server _server = null!;

    protected override async Task<IObjectStore> CreateAsync()
    {
        _server = await S3Server.StartAsync();
        await _server.CreateBucketAsync("media");
        return Open(_server, retries: 4);
    }

    public static S3ObjectStore Open(S3Server server, int retries) =>
        new(Microsoft.Extensions.Options.Options.Create(new MedGrpcOptions()),
            Microsoft.Extensions.Options.Options.Create(new S3Options { ServiceUrl = server.ServiceUrl, AccessKey = S3Server.AccessKey, SecretKey = S3Server.SecretKey, Retries = retries }),
            NullLogger<S3ObjectStore>.Instance);

    public override async Task DisposeAsync()
    {
        (Store as IDisposable)?.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task An_object_written_is_in_the_s3_server()
    {
        await Store.WriteAsync(new S3Location("media", "visit.json"), new MemoryStream([1, 2, 3]), default);
        Assert.Equal([1, 2, 3], await _server.GetAsync("media", "visit.json"));
    }

    [Fact]
    public async Task A_server_that_stays_down_is_reported_unavailable_after_the_retries()
    {
        using var store = Open(_server, retries: 1);
        await _server.StopProcessAsync();
        var e = await Assert.ThrowsAsync<ObjectStoreUnavailableException>(() => store.GetSizeAsync(new S3Location("media", "visit.json"), default));
        Assert.Contains("can't be reached", e.Message);
    }
}
