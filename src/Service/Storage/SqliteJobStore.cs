using System.Text;
using System.Text.Json;
using MedGrpc.Service.Errors;
using MedGrpc.Service.Jobs;
using MedGrpc.Service.Options;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace MedGrpc.Service.Storage;

/// <summary>
/// Job records in SQLite under the data dir. The job is kept whole as JSON; the columns beside
/// it exist only to filter and order List without reading every record.
/// </summary>
public sealed class SqliteJobStore : IJobStore
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };
    private readonly string _connectionString;

    // SQLite has one writer at a time, and Microsoft.Data.Sqlite answers a busy database by sleeping and
    // retrying; queueing this process's writes here instead keeps a burst of Starts from stalling.
    private readonly SemaphoreSlim _writer = new(1, 1);

    public SqliteJobStore(IOptions<MedGrpcOptions> options)
    {
        var dataDir = Path.GetFullPath(options.Value.DataDir);
        Directory.CreateDirectory(dataDir);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDir, "jobs.db"),
            Pooling = true,
            // Several workers and RPCs write at once: a busy database is retried for this long, not failed.
            DefaultTimeout = 10,
        }.ToString();
        using var connection = Open();
        Execute(connection, """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS jobs (
                name TEXT PRIMARY KEY,
                status TEXT NOT NULL,
                creation_ticks INTEGER NOT NULL,
                body TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS jobs_by_creation ON jobs (creation_ticks DESC, name DESC);
            """);
    }

    public async Task<bool> TryInsertAsync(Job job, CancellationToken ct)
    {
        await _writer.WaitAsync(ct);
        try
        {
            await using var connection = Open();
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO jobs (name, status, creation_ticks, body) VALUES ($name, $status, $ticks, $body) ON CONFLICT(name) DO NOTHING";
            Bind(command, job);
            return await command.ExecuteNonQueryAsync(ct) == 1;
        }
        finally
        {
            _writer.Release();
        }
    }

    public async Task<Job?> GetAsync(string name, CancellationToken ct)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT body FROM jobs WHERE name = $name";
        command.Parameters.AddWithValue("$name", name);
        var body = (string?)await command.ExecuteScalarAsync(ct);
        return body is null ? null : Deserialize(body);
    }

    public async Task UpdateAsync(Job job, CancellationToken ct)
    {
        await _writer.WaitAsync(ct);
        try
        {
            await using var connection = Open();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE jobs SET status = $status, creation_ticks = $ticks, body = $body WHERE name = $name";
            Bind(command, job);
            await command.ExecuteNonQueryAsync(ct);
        }
        finally
        {
            _writer.Release();
        }
    }

    public async Task<JobPage> ListAsync(JobQuery query, CancellationToken ct)
    {
        var limit = query.MaxResults ?? JobQuery.DefaultMaxResults;
        await using var connection = Open();
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
            var (ticks, name) = DecodeToken(query.NextToken);
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
            while (await reader.ReadAsync(ct)) jobs.Add(Deserialize(reader.GetString(0)));
        }
        if (jobs.Count <= limit) return new JobPage(jobs, null);
        jobs.RemoveAt(jobs.Count - 1);
        var last = jobs[^1];
        return new JobPage(jobs, EncodeToken(last.CreationTime.UtcTicks, last.Name));
    }

    public async Task<bool> DeleteAsync(string name, CancellationToken ct)
    {
        await _writer.WaitAsync(ct);
        try
        {
            await using var connection = Open();
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM jobs WHERE name = $name";
            command.Parameters.AddWithValue("$name", name);
            return await command.ExecuteNonQueryAsync(ct) == 1;
        }
        finally
        {
            _writer.Release();
        }
    }

    public async Task<IReadOnlyList<Job>> ListUnfinishedAsync(CancellationToken ct)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT body FROM jobs WHERE status IN ('QUEUED', 'IN_PROGRESS') ORDER BY creation_ticks, name";
        var jobs = new List<Job>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) jobs.Add(Deserialize(reader.GetString(0)));
        return jobs;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static void Bind(SqliteCommand command, Job job)
    {
        command.Parameters.AddWithValue("$name", job.Name);
        command.Parameters.AddWithValue("$status", job.Status.ToAws());
        command.Parameters.AddWithValue("$ticks", job.CreationTime.UtcTicks);
        command.Parameters.AddWithValue("$body", JsonSerializer.Serialize(job, Json));
    }

    private static Job Deserialize(string body) =>
        JsonSerializer.Deserialize<Job>(body, Json) ?? throw new InvalidDataException("empty job record");

    private static string EncodeToken(long ticks, string name) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ticks}|{name}"));

    private static (long Ticks, string Name) DecodeToken(string token)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            var bar = text.IndexOf('|');
            if (bar > 0 && long.TryParse(text[..bar], out var ticks)) return (ticks, text[(bar + 1)..]);
        }
        catch (FormatException)
        {
        }
        throw ServiceException.BadRequest("The value at 'nextToken' isn't valid: pass the NextToken of an earlier ListMedicalTranscriptionJobs response unchanged.", "nextToken");
    }
}
