using MedGrpc.Core.Ports;
using MedGrpc.Storage.Embedded;
using MedGrpc.Tests.Support;

namespace MedGrpc.Tests.Storage;

public sealed class SqliteJobStoreTests : JobStoreContract
{
    private readonly TempDataDir _dir = new();

    protected override Task<IJobStore> CreateAsync() => Task.FromResult(Reopen());

    protected override IJobStore Reopen() => new SqliteJobStore(new SqliteDatabase(_dir.Options));

    public override Task DisposeAsync()
    {
        _dir.Dispose();
        return Task.CompletedTask;
    }
}
