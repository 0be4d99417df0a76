using MedGrpc.Core.Model;
using MedGrpc.Core.Ports;
using MedGrpc.Core.Resources;
using Npgsql;

namespace MedGrpc.Storage.ScaleOut;

/// <summary>
/// Job records in PostgreSQL, shared by every replica: the same layout as the SQLite store (the job
/// whole as JSON, columns to filter and order List), plus the lease columns that <see cref="PostgresJobQueue"/> uses.
/// </summary>
public sealed class PostgresJobStore(PostgresDatabase database) : IJobStore
{
    public async Task<bool> TryInsertAsync(Job job, CancellationToken ct) =>
        await database.ExecuteAsync(
            "INSERT INTO jobs (account_id, name, status, creation_ticks, body) VALUES (@account, @name, @status, @ticks, @body) ON CONFLICT (account_id, name) DO NOTHING",
            p => Bind(p, job), ct) == 1;

    public async Task<Job?> GetAsync(ResourceKey job, CancellationToken ct)
    {
        var body = await database.ScalarAsync<string>("SELECT body FROM jobs WHERE account_id = @account AND name = @name", p => BindKey(p, job), ct);
        return body is null ? null : StoredRecords.Deserialize<Job>(body);
    }

    public async Task<bool> UpdateAsync(Job job, CancellationToken ct) =>
        await database.ExecuteAsync(
            "UPDATE jobs SET status = @status, creation_ticks = @ticks, body = @body WHERE account_id = @account AND name = @name AND status NOT IN ('COMPLETED', 'FAILED')",
            p => Bind(p, job), ct) == 1;

    public async Task<StoredPage<Job>> ListAsync(string accountId, JobQuery query, PageCursor? after, CancellationToken ct)
    {
        var limit = query.MaxResults ?? JobQuery.DefaultMaxResults;
        var where = new List<string> { "account_id = @account" };
        var parameters = new List<NpgsqlParameter> { new("account", accountId) };
        if (query.Status is not null)
        {
            where.Add("status = @status");
            parameters.Add(new NpgsqlParameter("status", query.Status));
        }
        if (query.JobNameContains is not null)
        {
            // strpos on lower(): a plain substring, so '_' and '%' in names need no escaping.
            where.Add("strpos(lower(name), lower(@contains)) > 0");
            parameters.Add(new NpgsqlParameter("contains", query.JobNameContains));
        }
        if (after is not null)
        {
            where.Add("(creation_ticks, name) < (@ticks, @after)");
            parameters.Add(new NpgsqlParameter("ticks", after.Ticks));
            parameters.Add(new NpgsqlParameter("after", after.Name));
        }
        parameters.Add(new NpgsqlParameter("limit", limit + 1));
        var sql = "SELECT body FROM jobs WHERE " + string.Join(" AND ", where)
            + " ORDER BY creation_ticks DESC, name DESC LIMIT @limit";
        var jobs = await database.ReadAsync(sql, p => p.AddRange(parameters.ToArray()), r => StoredRecords.Deserialize<Job>(r.GetString(0)), ct);
        return StoredPage<Job>.FromRows(jobs, limit, item => item.CreationTime, item => item.Name);
    }

    public async Task<bool> DeleteAsync(ResourceKey job, CancellationToken ct) =>
        await database.ExecuteAsync("DELETE FROM jobs WHERE account_id = @account AND name = @name", p => BindKey(p, job), ct) == 1;

    public async Task<IReadOnlyList<Job>> ListUnfinishedAsync(CancellationToken ct) =>
        await database.ReadAsync(
            "SELECT body FROM jobs WHERE status IN ('QUEUED', 'IN_PROGRESS') ORDER BY creation_ticks, name",
            _ => { }, r => StoredRecords.Deserialize<Job>(r.GetString(0)), ct);

    public async Task<int> CountUnfinishedAsync(CancellationToken ct) =>
        (int)await database.ScalarAsync<long>("SELECT count(*) FROM jobs WHERE status IN ('QUEUED', 'IN_PROGRESS')", _ => { }, ct);

    public async Task<IReadOnlyDictionary<string, int>> CountByStatusAsync(CancellationToken ct) =>
        (await database.ReadAsync("SELECT status, count(*) FROM jobs GROUP BY status", _ => { }, r => (Status: r.GetString(0), Count: (int)r.GetInt64(1)), ct))
            .ToDictionary(row => row.Status, row => row.Count, StringComparer.Ordinal);

    public async Task<IReadOnlyList<ResourceKey>> DeleteEndedBeforeAsync(DateTimeOffset cutoff, CancellationToken ct) =>
        await database.ReadAsync(
            "DELETE FROM jobs WHERE status IN ('COMPLETED', 'FAILED') AND creation_ticks < @cutoff RETURNING account_id, name",
            p => p.AddWithValue("cutoff", cutoff.UtcTicks), r => new ResourceKey(r.GetString(0), r.GetString(1)), ct);

    private static void Bind(NpgsqlParameterCollection parameters, Job job)
    {
        BindKey(parameters, job.Key);
        parameters.AddWithValue("status", job.Status.ToAws());
        parameters.AddWithValue("ticks", job.CreationTime.UtcTicks);
        parameters.AddWithValue("body", StoredRecords.Serialize(job));
    }

    private static void BindKey(NpgsqlParameterCollection parameters, ResourceKey job)
    {
        parameters.AddWithValue("account", job.AccountId);
        parameters.AddWithValue("name", job.Name);
    }
}
