using MedGrpc.Core.Ports;
using MedGrpc.Storage.Embedded;
using MedGrpc.Tests.Support;

namespace MedGrpc.Tests.Storage;

public sealed class SqliteServiceSecretsTests : ServiceSecretsContract
{
    private readonly TempDataDir _dir = new();

    protected override Task<IServiceSecrets> CreateAsync() => Task.FromResult(Reopen());

    protected override IServiceSecrets Reopen() => new SqliteServiceSecrets(new SqliteDatabase(_dir.Options));

    public override Task DisposeAsync()
    {
        _dir.Dispose();
        return Task.CompletedTask;
    }
}
