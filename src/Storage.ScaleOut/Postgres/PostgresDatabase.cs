using MedGrpc.Core.Options;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MedGrpc.Storage.ScaleOut;

/// <summary>
/// The shared PostgreSQL database of a scale-out deployment: one pooled data source for the stores,
/// the queue and the notifications, and the schema brought up to date once at start.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    public PostgresDatabase(IOptions<MedGrpcOptions> options, IOptions<PostgresOptions> postgres, ILogger<PostgresDatabase> log)
    {
        var connectionString = postgres.Value.ConnectionString;
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException("MedGrpc:Store is 'postgres' but MedGrpc:Postgres:ConnectionString is empty: set it to an Npgsql connection string.");
        DataSource = NpgsqlDataSource.Create(connectionString);
        var applied = PostgresMigrations.Apply(DataSource, options.Value.AccountId);
        if (applied > 0) log.LogInformation("Applied {MigrationCount} schema migrations to PostgreSQL", applied);
    }

    public NpgsqlDataSource DataSource { get; }

    public Task<int> ExecuteAsync(string sql, Action<NpgsqlParameterCollection> bind, CancellationToken ct) =>
        PostgresFaults.Translate(async () =>
        {
            await using var command = DataSource.CreateCommand(sql);
            bind(command.Parameters);
            return await command.ExecuteNonQueryAsync(ct);
        });

    public Task<T?> ScalarAsync<T>(string sql, Action<NpgsqlParameterCollection> bind, CancellationToken ct) =>
        PostgresFaults.Translate(async () =>
        {
            await using var command = DataSource.CreateCommand(sql);
            bind(command.Parameters);
            var value = await command.ExecuteScalarAsync(ct);
            return value is null or DBNull ? default : (T)value;
        });

    public Task<List<T>> ReadAsync<T>(string sql, Action<NpgsqlParameterCollection> bind, Func<NpgsqlDataReader, T> map, CancellationToken ct) =>
        PostgresFaults.Translate(async () =>
        {
            await using var command = DataSource.CreateCommand(sql);
            bind(command.Parameters);
            var rows = new List<T>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) rows.Add(map(reader));
            return rows;
        });

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
