using MedGrpc.Service.Vocabularies;

namespace MedGrpc.Service.Storage;

/// <summary>
/// Vocabularies in SQLite beside the jobs. The vocabulary is kept whole as JSON (phrases and their
/// pronunciations included); the columns beside it exist to filter and order List.
/// </summary>
public sealed class SqliteVocabularyStore : IVocabularyStore
{
    private readonly SqliteDatabase _database;

    public SqliteVocabularyStore(SqliteDatabase database)
    {
        _database = database;
        using var connection = database.Open();
        SqliteDatabase.Execute(connection, """
            CREATE TABLE IF NOT EXISTS vocabularies (
                name TEXT PRIMARY KEY,
                state TEXT NOT NULL,
                modified_ticks INTEGER NOT NULL,
                body TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS vocabularies_by_modified ON vocabularies (modified_ticks DESC, name DESC);
            """);
    }

    public Task<bool> TryInsertAsync(Vocabulary vocabulary, CancellationToken ct) =>
        _database.WriteAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO vocabularies (name, state, modified_ticks, body) VALUES ($name, $state, $ticks, $body) ON CONFLICT(name) DO NOTHING";
            Bind(command, vocabulary);
            return await command.ExecuteNonQueryAsync(ct) == 1;
        }, ct);

    public async Task<Vocabulary?> GetAsync(string name, CancellationToken ct)
    {
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT body FROM vocabularies WHERE name = $name";
        command.Parameters.AddWithValue("$name", name);
        var body = (string?)await command.ExecuteScalarAsync(ct);
        return body is null ? null : StoredRecords.Deserialize<Vocabulary>(body);
    }

    public Task<bool> UpdateAsync(Vocabulary vocabulary, CancellationToken ct) =>
        _database.WriteAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE vocabularies SET state = $state, modified_ticks = $ticks, body = $body WHERE name = $name";
            Bind(command, vocabulary);
            return await command.ExecuteNonQueryAsync(ct) == 1;
        }, ct);

    public async Task<VocabularyPage> ListAsync(VocabularyQuery query, CancellationToken ct)
    {
        var limit = query.MaxResults ?? VocabularyQuery.DefaultMaxResults;
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        var where = new List<string>();
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
        if (query.NextToken is not null)
        {
            var (ticks, name) = PageToken.Decode(query.NextToken, "ListMedicalVocabularies");
            where.Add("(modified_ticks < $ticks OR (modified_ticks = $ticks AND name < $after))");
            command.Parameters.AddWithValue("$ticks", ticks);
            command.Parameters.AddWithValue("$after", name);
        }
        command.CommandText = "SELECT body FROM vocabularies"
            + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "")
            + " ORDER BY modified_ticks DESC, name DESC LIMIT $limit";
        command.Parameters.AddWithValue("$limit", limit + 1);

        var vocabularies = new List<Vocabulary>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct)) vocabularies.Add(StoredRecords.Deserialize<Vocabulary>(reader.GetString(0)));
        }
        if (vocabularies.Count <= limit) return new VocabularyPage(vocabularies, null);
        vocabularies.RemoveAt(vocabularies.Count - 1);
        var last = vocabularies[^1];
        return new VocabularyPage(vocabularies, PageToken.Encode(last.LastModifiedTime.UtcTicks, last.Name));
    }

    public async Task<int> CountAsync(CancellationToken ct)
    {
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM vocabularies";
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct));
    }

    public Task<bool> DeleteAsync(string name, CancellationToken ct) =>
        _database.WriteAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM vocabularies WHERE name = $name";
            command.Parameters.AddWithValue("$name", name);
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
        command.Parameters.AddWithValue("$name", vocabulary.Name);
        command.Parameters.AddWithValue("$state", vocabulary.State.ToAws());
        command.Parameters.AddWithValue("$ticks", vocabulary.LastModifiedTime.UtcTicks);
        command.Parameters.AddWithValue("$body", StoredRecords.Serialize(vocabulary));
    }
}
