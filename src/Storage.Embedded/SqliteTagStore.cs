using MedGrpc.Core.Ports;
using MedGrpc.Core.Resources;
using Microsoft.Data.Sqlite;

namespace MedGrpc.Storage.Embedded;

/// <summary>Tags in SQLite, one row per resource and key; rowid keeps the order keys were first set.</summary>
public sealed class SqliteTagStore : ITagStore
{
    private readonly SqliteDatabase _database;

    public SqliteTagStore(SqliteDatabase database) => _database = database;

    public async Task<IReadOnlyList<JobTag>> ListAsync(string resourceArn, CancellationToken ct)
    {
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT key, value FROM tags WHERE resource_arn = $arn ORDER BY rowid";
        command.Parameters.AddWithValue("$arn", resourceArn);
        var tags = new List<JobTag>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) tags.Add(new JobTag(reader.GetString(0), reader.GetString(1)));
        return tags;
    }

    public Task SetAsync(string resourceArn, IReadOnlyList<JobTag> tags, CancellationToken ct) =>
        EachInOneTransactionAsync(tags, (command, tag) =>
        {
            command.CommandText = "INSERT INTO tags (resource_arn, key, value) VALUES ($arn, $key, $value) ON CONFLICT(resource_arn, key) DO UPDATE SET value = excluded.value";
            command.Parameters.AddWithValue("$arn", resourceArn);
            command.Parameters.AddWithValue("$key", tag.Key);
            command.Parameters.AddWithValue("$value", tag.Value);
        }, ct);

    public Task RemoveAsync(string resourceArn, IReadOnlyList<string> keys, CancellationToken ct) =>
        EachInOneTransactionAsync(keys, (command, key) =>
        {
            command.CommandText = "DELETE FROM tags WHERE resource_arn = $arn AND key = $key";
            command.Parameters.AddWithValue("$arn", resourceArn);
            command.Parameters.AddWithValue("$key", key);
        }, ct);

    /// <summary>One statement per item, all or none.</summary>
    private Task EachInOneTransactionAsync<T>(IReadOnlyList<T> items, Action<SqliteCommand, T> prepare, CancellationToken ct) =>
        _database.WriteAsync(async connection =>
        {
            await using var transaction = connection.BeginTransaction();
            foreach (var item in items)
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                prepare(command, item);
                await command.ExecuteNonQueryAsync(ct);
            }
            await transaction.CommitAsync(ct);
            return items.Count;
        }, ct);

    public Task RemoveAllAsync(string resourceArn, CancellationToken ct) =>
        _database.WriteAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM tags WHERE resource_arn = $arn";
            command.Parameters.AddWithValue("$arn", resourceArn);
            return await command.ExecuteNonQueryAsync(ct);
        }, ct);
}
