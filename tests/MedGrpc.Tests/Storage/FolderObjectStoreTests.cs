using System.Text;
using MedGrpc.Core.Ports;
using MedGrpc.Storage.Embedded;
using MedGrpc.Tests.Support;

namespace MedGrpc.Tests.Storage;

public sealed class FolderObjectStoreTests : IDisposable
{
    private readonly TempDataDir _dir = new();
    private readonly FolderObjectStore _store;

    public FolderObjectStoreTests() => _store = new FolderObjectStore(_dir.Options);

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task An_object_is_a_file_under_buckets_bucket_key()
    {
        await _store.WriteAsync(new S3Location("media", "2026/visit.wav"), new MemoryStream([1, 2, 3]), default);
        Assert.Equal([1, 2, 3], await File.ReadAllBytesAsync(Path.Combine(_dir.Path, "buckets", "media", "2026", "visit.wav")));
        Assert.Equal(3, await _store.GetSizeAsync(new S3Location("media", "2026/visit.wav"), default));
    }

    [Theory]
    [InlineData("../escape.wav")]
    [InlineData("a/../../escape.wav")]
    [InlineData("/etc/passwd")]
    [InlineData("a//b")]
    [InlineData("./a")]
    [InlineData("a\\..\\b")]
    public async Task A_key_that_would_leave_its_bucket_is_refused(string key)
    {
        await Assert.ThrowsAsync<InvalidObjectKeyException>(() => _store.WriteAsync(new S3Location("media", key), new MemoryStream([1]), default));
        await Assert.ThrowsAsync<InvalidObjectKeyException>(() => _store.GetSizeAsync(new S3Location("media", key), default));
    }

    [Theory]
    [InlineData("..")]
    [InlineData("a/b")]
    public async Task A_bucket_name_that_is_a_path_is_refused(string bucket) =>
        await Assert.ThrowsAsync<InvalidObjectKeyException>(() => _store.BucketExistsAsync(bucket, default));

    [Fact]
    public async Task A_rewritten_object_is_replaced_whole_and_leaves_no_partial_file()
    {
        var location = new S3Location("out", "t.json");
        await _store.WriteAsync(location, new MemoryStream(Encoding.UTF8.GetBytes("first")), default);
        await _store.WriteAsync(location, new MemoryStream(Encoding.UTF8.GetBytes("second")), default);
        Assert.Equal("second", await File.ReadAllTextAsync(Path.Combine(_dir.Path, "buckets", "out", "t.json")));
        Assert.Equal(["t.json"], (await _store.ListAsync("out", "", default)).Select(o => o.Key));
    }

    [Fact]
    public async Task A_missing_object_has_no_size() =>
        Assert.Null(await _store.GetSizeAsync(new S3Location("media", "none.wav"), default));

    /// <summary>Found by the fuzz bench: a file deleted between the listing and its size was an InternalFailure.</summary>
    [Fact]
    public async Task A_listing_while_objects_are_deleted_leaves_the_deleted_ones_out()
    {
        var locations = Enumerable.Range(0, 200).Select(i => new S3Location("churn", $"k/{i}.bin")).ToList();
        using var stop = new CancellationTokenSource();
        var churn = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
                foreach (var location in locations)
                {
                    await _store.WriteAsync(location, new MemoryStream([1, 2]), default);
                    await _store.DeleteAsync(location, default);
                }
        });
        try
        {
            for (var i = 0; i < 300; i++)
                Assert.All(await _store.ListAsync("churn", "", default), o => Assert.Equal(2, o.Size));
        }
        finally
        {
            await stop.CancelAsync();
            await churn;
        }
    }

    /// <summary>Found by the fuzz bench: "a" beside "a/b" was an InternalFailure ("Is a directory").</summary>
    [Fact]
    public async Task A_key_that_is_a_folder_of_other_objects_or_runs_through_an_object_is_a_bad_key()
    {
        await _store.WriteAsync(new S3Location("media", "a/b.wav"), new MemoryStream([1]), default);
        await _store.WriteAsync(new S3Location("media", "c.wav"), new MemoryStream([1]), default);

        await Assert.ThrowsAsync<InvalidObjectKeyException>(() => _store.WriteAsync(new S3Location("media", "a"), new MemoryStream([1]), default));
        await Assert.ThrowsAsync<InvalidObjectKeyException>(() => _store.WriteAsync(new S3Location("media", "c.wav/d.wav"), new MemoryStream([1]), default));
    }

    /// <summary>Found by the fuzz bench: the temporary name (the key's, with a suffix) went past the file system's 255 bytes.</summary>
    [Fact]
    public async Task A_last_key_part_of_255_bytes_is_written()
    {
        var key = "k/" + new string('a', ObjectKeys.MaxKeyPartBytes);
        await _store.WriteAsync(new S3Location("media", key), new MemoryStream([1, 2, 3]), default);
        Assert.Equal(3, await _store.GetSizeAsync(new S3Location("media", key), default));
    }
}
