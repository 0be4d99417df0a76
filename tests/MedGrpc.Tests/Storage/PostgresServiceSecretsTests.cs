using MedGrpc.Core.Ports;
using MedGrpc.Storage.ScaleOut;
using MedGrpc.Tests.Support;

namespace MedGrpc.Tests.Storage;

/// <summary>The service secrets contract on a real PostgreSQL server, in a database of its own.</summary>
public sealed class PostgresServiceSecretsTests : ServiceSecretsContract
{
    private readonly List<PostgresDatabase> _databases = [];
    private string _connectionString = "";

    protected override async Task<IServiceSecrets> CreateAsync()
    {
        _connectionString = await (await PostgresServer.Shared).CreateDatabaseAsync();
        return Reopen();
    }

    protected override IServiceSecrets Reopen()
    {
        var database = Databases.Open(_connectionString);
        _databases.Add(database);
        return new PostgresServiceSecrets(database);
    }

    public override async Task DisposeAsync()
    {
        foreach (var database in _databases) await database.DisposeAsync();
    }
}
