using System.Text;
using MedGrpc.Core.Ports;

namespace MedGrpc.Tests.Storage;

/// <summary>What every object store promises; each store's test class runs these against the real thing.</summary>
public abstract class ObjectStoreContract : IAsyncLifetime
{
    protected IObjectStore Store { get; private set; } = null!;

    /// <summary>A store with an empty bucket named "media".</summary>
    protected abstract Task<IObjectStore> CreateAsync();

    public virtual async Task InitializeAsync() => Store = await CreateAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    private static MemoryStream Bytes(string text) => new(Encoding.UTF8.GetBytes(text));

    [Fact]
    public async Task An_object_reads_back_as_it_was_written()
    {
        var location = new S3Location("media", "2026/visit.json");
        Assert.Equal(5, await Store.WriteAsync(location, Bytes("hello"), default));
        await using var read = await Store.OpenReadAsync(location, default);
        Assert.Equal("hello", await new StreamReader(read).ReadToEndAsync());
        Assert.Equal(5, await Store.GetSizeAsync(location, default));
    }

    [Fact]
    public async Task A_stream_that_cannot_seek_is_written_whole()
    {
        var location = new S3Location("media", "piped.bin");
        var content = Enumerable.Range(0, 300_000).Select(i => (byte)i).ToArray();
        await Store.WriteAsync(location, new ForwardOnlyStream(content), default);
        Assert.Equal(content.Length, await Store.GetSizeAsync(location, default));
    }

    [Fact]
    public async Task A_new_write_replaces_the_object()
    {
        var location = new S3Location("media", "visit.json");
        await Store.WriteAsync(location, Bytes("first"), default);
        await Store.WriteAsync(location, Bytes("second!"), default);
        Assert.Equal(7, await Store.GetSizeAsync(location, default));
    }

    [Fact]
    public async Task A_missing_object_has_no_size()
    {
        Assert.Null(await Store.GetSizeAsync(new S3Location("media", "absent.wav"), default));
    }

    [Fact]
    public async Task A_bucket_exists_only_when_created()
    {
        Assert.True(await Store.BucketExistsAsync("media", default));
        Assert.False(await Store.BucketExistsAsync("no-such-bucket", default));
    }

    [Fact]
    public async Task Delete_removes_the_object_once()
    {
        var location = new S3Location("media", "visit.wav");
        await Store.WriteAsync(location, Bytes("x"), default);
        Assert.True(await Store.DeleteAsync(location, default));
        Assert.Null(await Store.GetSizeAsync(location, default));
        Assert.False(await Store.DeleteAsync(location, default));
    }

    [Fact]
    public async Task List_gives_the_keys_under_a_prefix_in_order()
    {
        foreach (var key in new[] { "b/2.wav", "a/1.wav", "b/1.wav" }) await Store.WriteAsync(new S3Location("media", key), Bytes(key), default);
        Assert.Equal(["b/1.wav", "b/2.wav"], (await Store.ListAsync("media", "b/", default)).Select(o => o.Key));
    }

    [Fact]
    public async Task A_local_file_holds_the_objects_bytes()
    {
        var location = new S3Location("media", "visit.wav");
        await Store.WriteAsync(location, Bytes("pcm"), default);
        using var local = await Store.GetLocalFileAsync(location, default);
        Assert.Equal("pcm", await File.ReadAllTextAsync(local.Path));
    }

    [Theory]
    [InlineData("../escape.wav")]
    [InlineData("/etc/passwd")]
    [InlineData("a//b")]
    public async Task A_key_that_would_leave_its_bucket_is_refused(string key)
    {
        await Assert.ThrowsAsync<InvalidObjectKeyException>(() => Store.WriteAsync(new S3Location("media", key), Bytes("x"), default));
    }

    private sealed class ForwardOnlyStream(byte[] content) : MemoryStream(content)
    {
        public override bool CanSeek => false;
    }
}
