using MedGrpc.Core.Ports;
using MedGrpc.Storage.Embedded;
using MedGrpc.Tests.Support;

namespace MedGrpc.Tests.Storage;

public sealed class SqliteVocabularyStoreTests : VocabularyStoreContract
{
    private readonly TempDataDir _dir = new();

    protected override Task<IVocabularyStore> CreateAsync() => Task.FromResult<IVocabularyStore>(new SqliteVocabularyStore(new SqliteDatabase(_dir.Options)));

    public override Task DisposeAsync()
    {
        _dir.Dispose();
        return Task.CompletedTask;
    }
}
