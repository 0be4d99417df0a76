using MedGrpc.Core.Ports;
using MedGrpc.Storage.Embedded;
using MedGrpc.Tests.Support;

namespace MedGrpc.Tests.Storage;

public sealed class FolderObjectStoreContractTests : ObjectStoreContract
{
    private readonly TempDataDir _dir = new();

    protected override Task<IObjectStore> CreateAsync()
    {
        Directory.CreateDirectory(Path.Combine(_dir.Path, "buckets", "media"));
        return Task.FromResult<IObjectStore>(new FolderObjectStore(_dir.Options));
    }

    public override Task DisposeAsync()
    {
        _dir.Dispose();
        return Task.CompletedTask;
    }
}
