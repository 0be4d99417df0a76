using MedGrpc.Core.Model;
using MedGrpc.Core.Ports;
using MedGrpc.Core.Resources;
using Microsoft.Data.Sqlite;

namespace MedGrpc.Storage.Embedded;

/// <summary>
/// Job records in SQLite under the data dir. The job is kept whole as JSON; the columns beside
/// it exist only to filter and order List without reading every record.
/// </summary>
public sealed class SqliteJobStore : IJobStore
{
    private readonly SqliteDatabase _database;

    public SqliteJobStore(SqliteDatabase database) => _database = database;

    public Task<bool> TryInsertAsync(Job job, CancellationToken ct) =>
        _database.WriteAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO jobs (account_id, name, status, creation_ticks, body) VALUES ($account, $name, $status, $ticks, $body) ON CONFLICT(account_id, name) DO NOTHING";
            Bind(command, job);
            return await command.ExecuteNonQueryAsync(ct) == 1;
        }, ct);

    public async Task<Job?> GetAsync(ResourceKey job, CancellationToken ct)
    {
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT body FROM jobs WHERE account_id = $account AND name = $name";
        BindKey(command, job);
        var body = (string?)await command.ExecuteScalarAsync(ct);
        return body is null ? null : StoredRecords.Deserialize<Job>(body);
    }

    public Task<bool> UpdateAsync(Job job, CancellationToken ct) =>
        _database.WriteAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE jobs SET status = $status, creation_ticks = $ticks, body = $body WHERE account_id = $account AND name = $name AND status NOT IN ('COMPLETED', 'FAILED')";
            Bind(command, job);
            return await command.ExecuteNonQueryAsync(ct) == 1;
        }, ct);

    public async Task<StoredPage<Job>> ListAsync(string accountId, JobQuery query, PageCursor? after, CancellationToken ct)
    {
        var limit = query.MaxResults ?? JobQuery.DefaultMaxResults;
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        var where = new List<string> { "account_id = $account" };
        command.Parameters.AddWithValue("$account", accountId);
        if (query.Status is not null)
        {
            where.Add("status = $status");
            command.Parameters.AddWithValue("$status", query.Status);
        }
        if (query.JobNameContains is not null)
        {
            // instr on lower() rather than LIKE: names may hold '_' and '%'-free patterns alike, no escaping needed.
            where.Add("instr(lower(name), lower($contains)) > 0");
            command.Parameters.AddWithValue("$contains", query.JobNameContains);
        }
        if (after is not null)
        {
            where.Add("(creation_ticks < $ticks OR (creation_ticks = $ticks AND name < $after))");
            command.Parameters.AddWithValue("$ticks", after.Ticks);
            command.Parameters.AddWithValue("$after", after.Name);
        }
        command.CommandText = "SELECT body FROM jobs WHERE " + string.Join(" AND ", where)
            + " ORDER BY creation_ticks DESC, name DESC LIMIT $limit";
        command.Parameters.AddWithValue("$limit", limit + 1);

        var jobs = new List<Job>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct)) jobs.Add(StoredRecords.Deserialize<Job>(reader.GetString(0)));
        }
        return StoredPage<Job>.FromRows(jobs, limit, item => item.CreationTime, item => item.Name);
    }

    public Task<bool> DeleteAsync(ResourceKey job, CancellationToken ct) =>
        _database.WriteAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM jobs WHERE account_id = $account AND name = $name";
            BindKey(command, job);
            return await command.ExecuteNonQueryAsync(ct) == 1;
        }, ct);

    public async Task<IReadOnlyList<Job>> ListUnfinishedAsync(CancellationToken ct)
    {
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT body FROM jobs WHERE status IN ('QUEUED', 'IN_PROGRESS') ORDER BY creation_ticks, name";
        var jobs = new List<Job>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) jobs.Add(StoredRecords.Deserialize<Job>(reader.GetString(0)));
        return jobs;
    }

    public async Task<int> CountUnfinishedAsync(CancellationToken ct)
    {
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM jobs WHERE status IN ('QUEUED', 'IN_PROGRESS')";
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct));
    }

    public async Task<IReadOnlyDictionary<string, int>> CountByStatusAsync(CancellationToken ct)
    {
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT status, count(*) FROM jobs GROUP BY status";
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) counts[reader.GetString(0)] = reader.GetInt32(1);
        return counts;
    }

    public Task<IReadOnlyList<ResourceKey>> DeleteEndedBeforeAsync(DateTimeOffset cutoff, CancellationToken ct) =>
        _database.WriteAsync<IReadOnlyList<ResourceKey>>(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM jobs WHERE status IN ('COMPLETED', 'FAILED') AND creation_ticks < $cutoff RETURNING account_id, name";
            command.Parameters.AddWithValue("$cutoff", cutoff.UtcTicks);
            var deleted = new List<ResourceKey>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) deleted.Add(new ResourceKey(reader.GetString(0), reader.GetString(1)));
            return deleted;
        }, ct);

    private static void Bind(SqliteCommand command, Job job)
    {
        BindKey(command, job.Key);
        command.Parameters.AddWithValue("$status", job.Status.ToAws());
        command.Parameters.AddWithValue("$ticks", job.CreationTime.UtcTicks);
        command.Parameters.AddWithValue("$body", StoredRecords.Serialize(job));
    }

    private static void BindKey(SqliteCommand command, ResourceKey job)
    {
        command.Parameters.AddWithValue("$account", job.AccountId);
        command.Parameters.AddWithValue("$name", job.Name);
    }
}
