using MedGrpc.Core.Model;
using MedGrpc.Core.Ports;
using MedGrpc.Core.Resources;

namespace MedGrpc.Storage.Embedded;

/// <summary>
/// Vocabularies in SQLite beside the jobs. The vocabulary is kept whole as JSON (phrases and their
/// pronunciations included); the columns beside it exist to filter and order List.
/// </summary>
public sealed class SqliteVocabularyStore : IVocabularyStore
{
    private readonly SqliteDatabase _database;

    public SqliteVocabularyStore(SqliteDatabase database) => _database = database;

    public Task<bool> TryInsertAsync(Vocabulary vocabulary, CancellationToken ct) =>
        _database.WriteAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO vocabularies (account_id, name, state, creation_ticks, modified_ticks, body) VALUES ($account, $name, $state, $created, $ticks, $body) ON CONFLICT(account_id, name) DO NOTHING";
            Bind(command, vocabulary);
            return await command.ExecuteNonQueryAsync(ct) == 1;
        }, ct);

    public async Task<Vocabulary?> GetAsync(ResourceKey vocabulary, CancellationToken ct)
    {
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT body FROM vocabularies WHERE account_id = $account AND name = $name";
        BindKey(command, vocabulary);
        var body = (string?)await command.ExecuteScalarAsync(ct);
        return body is null ? null : StoredRecords.Deserialize<Vocabulary>(body);
    }

    public Task<bool> UpdateAsync(Vocabulary vocabulary, CancellationToken ct) =>
        _database.WriteAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE vocabularies SET state = $state, modified_ticks = $ticks, body = $body WHERE account_id = $account AND name = $name";
            Bind(command, vocabulary);
            return await command.ExecuteNonQueryAsync(ct) == 1;
        }, ct);

    public async Task<StoredPage<Vocabulary>> ListAsync(string accountId, VocabularyQuery query, PageCursor? after, CancellationToken ct)
    {
        var limit = query.MaxResults ?? VocabularyQuery.DefaultMaxResults;
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        var where = new List<string> { "account_id = $account" };
        command.Parameters.AddWithValue("$account", accountId);
        if (query.StateEquals is not null)
        {
            where.Add("state = $state");
            command.Parameters.AddWithValue("$state", query.StateEquals);
        }
        if (query.NameContains is not null)
        {
            where.Add("instr(lower(name), lower($contains)) > 0");
            command.Parameters.AddWithValue("$contains", query.NameContains);
        }
        if (after is not null)
        {
            where.Add("(creation_ticks < $after_ticks OR (creation_ticks = $after_ticks AND name < $after))");
            command.Parameters.AddWithValue("$after_ticks", after.Ticks);
            command.Parameters.AddWithValue("$after", after.Name);
        }
        command.CommandText = "SELECT body FROM vocabularies WHERE " + string.Join(" AND ", where)
            + " ORDER BY creation_ticks DESC, name DESC LIMIT $limit";
        command.Parameters.AddWithValue("$limit", limit + 1);

        var vocabularies = new List<Vocabulary>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct)) vocabularies.Add(StoredRecords.Deserialize<Vocabulary>(reader.GetString(0)));
        }
        return StoredPage<Vocabulary>.FromRows(vocabularies, limit, item => item.CreationTime, item => item.Name);
    }

    public async Task<int> CountAsync(string accountId, CancellationToken ct)
    {
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM vocabularies WHERE account_id = $account";
        command.Parameters.AddWithValue("$account", accountId);
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct));
    }

    public Task<bool> DeleteAsync(ResourceKey vocabulary, CancellationToken ct) =>
        _database.WriteAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM vocabularies WHERE account_id = $account AND name = $name";
            BindKey(command, vocabulary);
            return await command.ExecuteNonQueryAsync(ct) == 1;
        }, ct);

    public async Task<IReadOnlyList<Vocabulary>> ListPendingAsync(CancellationToken ct)
    {
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT body FROM vocabularies WHERE state = 'PENDING' ORDER BY modified_ticks, name";
        var vocabularies = new List<Vocabulary>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) vocabularies.Add(StoredRecords.Deserialize<Vocabulary>(reader.GetString(0)));
        return vocabularies;
    }

    private static void Bind(Microsoft.Data.Sqlite.SqliteCommand command, Vocabulary vocabulary)
    {
        BindKey(command, vocabulary.Key);
        command.Parameters.AddWithValue("$state", vocabulary.State.ToAws());
        command.Parameters.AddWithValue("$created", vocabulary.CreationTime.UtcTicks);
        command.Parameters.AddWithValue("$ticks", vocabulary.LastModifiedTime.UtcTicks);
        command.Parameters.AddWithValue("$body", StoredRecords.Serialize(vocabulary));
    }

    private static void BindKey(Microsoft.Data.Sqlite.SqliteCommand command, ResourceKey vocabulary)
    {
        command.Parameters.AddWithValue("$account", vocabulary.AccountId);
        command.Parameters.AddWithValue("$name", vocabulary.Name);
    }
}
