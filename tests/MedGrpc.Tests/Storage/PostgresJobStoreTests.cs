using MedGrpc.Core.Ports;
using MedGrpc.Storage.ScaleOut;
using MedGrpc.Tests.Support;

namespace MedGrpc.Tests.Storage;

/// <summary>The job store contract on a real PostgreSQL server, each test in a database of its own.</summary>
public sealed class PostgresJobStoreTests : JobStoreContract
{
    private readonly List<PostgresDatabase> _databases = [];
    private string _connectionString = "";

    protected override async Task<IJobStore> CreateAsync()
    {
        _connectionString = await (await PostgresServer.Shared).CreateDatabaseAsync();
        return Reopen();
    }

    protected override IJobStore Reopen()
    {
        var database = Databases.Open(_connectionString);
        _databases.Add(database);
        return new PostgresJobStore(database);
    }

    public override async Task DisposeAsync()
    {
        foreach (var database in _databases) await database.DisposeAsync();
    }
}
