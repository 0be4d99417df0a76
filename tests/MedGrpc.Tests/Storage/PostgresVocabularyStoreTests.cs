using MedGrpc.Core.Ports;
using MedGrpc.Storage.ScaleOut;
using MedGrpc.Tests.Support;

namespace MedGrpc.Tests.Storage;

/// <summary>The vocabulary store contract on a real PostgreSQL server, each test in a database of its own.</summary>
public sealed class PostgresVocabularyStoreTests : VocabularyStoreContract
{
    private PostgresDatabase? _database;

    protected override async Task<IVocabularyStore> CreateAsync()
    {
        _database = Databases.Open(await (await PostgresServer.Shared).CreateDatabaseAsync());
        return new PostgresVocabularyStore(_database);
    }

    public override async Task DisposeAsync()
    {
        if (_database is not null) await _database.DisposeAsync();
    }
}
