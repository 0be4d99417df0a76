using MedGrpc.Core.Model;
using MedGrpc.Core.Ports;
using MedGrpc.Core.Resources;
using Npgsql;

namespace MedGrpc.Storage.ScaleOut;

/// <summary>Vocabularies in PostgreSQL beside the jobs: the same layout as the SQLite store.</summary>
public sealed class PostgresVocabularyStore(PostgresDatabase database) : IVocabularyStore
{
    public async Task<bool> TryInsertAsync(Vocabulary vocabulary, CancellationToken ct) =>
        await database.ExecuteAsync(
            "INSERT INTO vocabularies (account_id, name, state, creation_ticks, modified_ticks, body) VALUES (@account, @name, @state, @created, @ticks, @body) ON CONFLICT (account_id, name) DO NOTHING",
            p => Bind(p, vocabulary), ct) == 1;

    public async Task<Vocabulary?> GetAsync(ResourceKey vocabulary, CancellationToken ct)
    {
        var body = await database.ScalarAsync<string>("SELECT body FROM vocabularies WHERE account_id = @account AND name = @name", p => BindKey(p, vocabulary), ct);
        return body is null ? null : StoredRecords.Deserialize<Vocabulary>(body);
    }

    public async Task<bool> UpdateAsync(Vocabulary vocabulary, CancellationToken ct) =>
        await database.ExecuteAsync(
            "UPDATE vocabularies SET state = @state, modified_ticks = @ticks, body = @body WHERE account_id = @account AND name = @name",
            p => Bind(p, vocabulary), ct) == 1;

    public async Task<StoredPage<Vocabulary>> ListAsync(string accountId, VocabularyQuery query, PageCursor? after, CancellationToken ct)
    {
        var limit = query.MaxResults ?? VocabularyQuery.DefaultMaxResults;
        var where = new List<string> { "account_id = @account" };
        var parameters = new List<NpgsqlParameter> { new("account", accountId) };
        if (query.StateEquals is not null)
        {
            where.Add("state = @state");
            parameters.Add(new NpgsqlParameter("state", query.StateEquals));
        }
        if (query.NameContains is not null)
        {
            where.Add("strpos(lower(name), lower(@contains)) > 0");
            parameters.Add(new NpgsqlParameter("contains", query.NameContains));
        }
        if (after is not null)
        {
            where.Add("(creation_ticks, name) < (@after_ticks, @after)");
            parameters.Add(new NpgsqlParameter("after_ticks", after.Ticks));
            parameters.Add(new NpgsqlParameter("after", after.Name));
        }
        parameters.Add(new NpgsqlParameter("limit", limit + 1));
        var sql = "SELECT body FROM vocabularies WHERE " + string.Join(" AND ", where)
            + " ORDER BY creation_ticks DESC, name DESC LIMIT @limit";
        var vocabularies = await database.ReadAsync(sql, p => p.AddRange(parameters.ToArray()), r => StoredRecords.Deserialize<Vocabulary>(r.GetString(0)), ct);
        return StoredPage<Vocabulary>.FromRows(vocabularies, limit, item => item.CreationTime, item => item.Name);
    }

    public async Task<int> CountAsync(string accountId, CancellationToken ct) =>
        (int)await database.ScalarAsync<long>("SELECT count(*) FROM vocabularies WHERE account_id = @account", p => p.AddWithValue("account", accountId), ct);

    public async Task<bool> DeleteAsync(ResourceKey vocabulary, CancellationToken ct) =>
        await database.ExecuteAsync("DELETE FROM vocabularies WHERE account_id = @account AND name = @name", p => BindKey(p, vocabulary), ct) == 1;

    public async Task<IReadOnlyList<Vocabulary>> ListPendingAsync(CancellationToken ct) =>
        await database.ReadAsync(
            "SELECT body FROM vocabularies WHERE state = 'PENDING' ORDER BY modified_ticks, name",
            _ => { }, r => StoredRecords.Deserialize<Vocabulary>(r.GetString(0)), ct);

    private static void Bind(NpgsqlParameterCollection parameters, Vocabulary vocabulary)
    {
        BindKey(parameters, vocabulary.Key);
        parameters.AddWithValue("state", vocabulary.State.ToAws());
        parameters.AddWithValue("created", vocabulary.CreationTime.UtcTicks);
        parameters.AddWithValue("ticks", vocabulary.LastModifiedTime.UtcTicks);
        parameters.AddWithValue("body", StoredRecords.Serialize(vocabulary));
    }

    private static void BindKey(NpgsqlParameterCollection parameters, ResourceKey vocabulary)
    {
        parameters.AddWithValue("account", vocabulary.AccountId);
        parameters.AddWithValue("name", vocabulary.Name);
    }
}
