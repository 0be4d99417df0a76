using MedGrpc.Service.Jobs;
using Microsoft.Data.Sqlite;

namespace MedGrpc.Service.Storage;

/// <summary>
/// Job records in SQLite under the data dir. The job is kept whole as JSON; the columns beside
/// it exist only to filter and order List without reading every record.
/// </summary>
public sealed class SqliteJobStore : IJobStore
{
    private readonly SqliteDatabase _database;

    public SqliteJobStore(SqliteDatabase database)
    {
        _database = database;
        using var connection = database.Open();
        SqliteDatabase.Execute(connection, """
            CREATE TABLE IF NOT EXISTS jobs (
                name TEXT PRIMARY KEY,
                status TEXT NOT NULL,
                creation_ticks INTEGER NOT NULL,
                body TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS jobs_by_creation ON jobs (creation_ticks DESC, name DESC);
            """);
    }

    public Task<bool> TryInsertAsync(Job job, CancellationToken ct) =>
        _database.WriteAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO jobs (name, status, creation_ticks, body) VALUES ($name, $status, $ticks, $body) ON CONFLICT(name) DO NOTHING";
            Bind(command, job);
            return await command.ExecuteNonQueryAsync(ct) == 1;
        }, ct);

    public async Task<Job?> GetAsync(string name, CancellationToken ct)
    {
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT body FROM jobs WHERE name = $name";
        command.Parameters.AddWithValue("$name", name);
        var body = (string?)await command.ExecuteScalarAsync(ct);
        return body is null ? null : StoredRecords.Deserialize<Job>(body);
    }

    public Task<bool> UpdateAsync(Job job, CancellationToken ct) =>
        _database.WriteAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE jobs SET status = $status, creation_ticks = $ticks, body = $body WHERE name = $name AND status NOT IN ('COMPLETED', 'FAILED')";
            Bind(command, job);
            return await command.ExecuteNonQueryAsync(ct) == 1;
        }, ct);

    public async Task<JobPage> ListAsync(JobQuery query, CancellationToken ct)
    {
        var limit = query.MaxResults ?? JobQuery.DefaultMaxResults;
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        var where = new List<string>();
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
        if (query.NextToken is not null)
        {
            var (ticks, name) = PageToken.Decode(query.NextToken, "ListMedicalTranscriptionJobs");
            where.Add("(creation_ticks < $ticks OR (creation_ticks = $ticks AND name < $after))");
            command.Parameters.AddWithValue("$ticks", ticks);
            command.Parameters.AddWithValue("$after", name);
        }
        command.CommandText = "SELECT body FROM jobs"
            + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "")
            + " ORDER BY creation_ticks DESC, name DESC LIMIT $limit";
        command.Parameters.AddWithValue("$limit", limit + 1);

        var jobs = new List<Job>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct)) jobs.Add(StoredRecords.Deserialize<Job>(reader.GetString(0)));
        }
        if (jobs.Count <= limit) return new JobPage(jobs, null);
        jobs.RemoveAt(jobs.Count - 1);
        var last = jobs[^1];
        return new JobPage(jobs, PageToken.Encode(last.CreationTime.UtcTicks, last.Name));
    }

    public Task<bool> DeleteAsync(string name, CancellationToken ct) =>
        _database.WriteAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM jobs WHERE name = $name";
            command.Parameters.AddWithValue("$name", name);
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

    public Task<IReadOnlyList<string>> DeleteEndedBeforeAsync(DateTimeOffset cutoff, CancellationToken ct) =>
        _database.WriteAsync<IReadOnlyList<string>>(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM jobs WHERE status IN ('COMPLETED', 'FAILED') AND creation_ticks < $cutoff RETURNING name";
            command.Parameters.AddWithValue("$cutoff", cutoff.UtcTicks);
            var names = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) names.Add(reader.GetString(0));
            return names;
        }, ct);

    private static void Bind(SqliteCommand command, Job job)
    {
        command.Parameters.AddWithValue("$name", job.Name);
        command.Parameters.AddWithValue("$status", job.Status.ToAws());
        command.Parameters.AddWithValue("$ticks", job.CreationTime.UtcTicks);
        command.Parameters.AddWithValue("$body", StoredRecords.Serialize(job));
    }
}
