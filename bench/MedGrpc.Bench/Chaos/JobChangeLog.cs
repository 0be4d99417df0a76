using Npgsql;

namespace MedGrpc.Bench.Chaos;

/// <summary>
/// The evidence PostgreSQL itself keeps: a trigger the bench adds to the replicas' jobs table records every change of a
/// job's status or lease holder, in the same transaction as the change, with the server's clock. From it: how many
/// times each job entered a terminal state (must be once), whether one ever left it, and when the jobs a killed replica
/// held were claimed again. The bench's own table, in its own throwaway cluster; the service knows nothing of it.
/// </summary>
public sealed class JobChangeLog(string clusterConnectionString)
{
    // Unpooled: a pooled connection would outlive a PostgreSQL restart broken.
    private readonly string _connectionString = clusterConnectionString + ";Pooling=false";

    private const string InstallSql = """
        CREATE TABLE IF NOT EXISTS chaos_job_changes (
            id BIGSERIAL PRIMARY KEY, name TEXT NOT NULL, old_status TEXT, new_status TEXT,
            old_owner TEXT, new_owner TEXT, at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp());
        CREATE OR REPLACE FUNCTION chaos_record_job_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF OLD.status IS DISTINCT FROM NEW.status OR OLD.lease_owner IS DISTINCT FROM NEW.lease_owner THEN
                INSERT INTO chaos_job_changes (name, old_status, new_status, old_owner, new_owner)
                VALUES (NEW.name, OLD.status, NEW.status, OLD.lease_owner, NEW.lease_owner);
            END IF;
            RETURN NEW;
        END $$;
        DROP TRIGGER IF EXISTS chaos_job_changes ON jobs;
        CREATE TRIGGER chaos_job_changes AFTER UPDATE ON jobs FOR EACH ROW EXECUTE FUNCTION chaos_record_job_change();
        """;

    public sealed record Change(string Name, string? OldStatus, string? NewStatus, string? OldOwner, string? NewOwner, DateTime At)
    {
        public bool EntersTerminal => IsTerminal(NewStatus) && !IsTerminal(OldStatus);

        public bool LeavesTerminal => IsTerminal(OldStatus) && OldStatus != NewStatus;

        /// <summary>A worker claimed the job (its lease passed to an owner).</summary>
        public bool IsClaim => NewOwner is not null && NewOwner != OldOwner;
    }

    /// <summary>Adds the trigger; the schema must be there (the first replica applies it).</summary>
    public async Task InstallAsync(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(InstallSql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    public Task<List<Change>> ReadAsync(CancellationToken ct) =>
        QueryAsync("SELECT name, old_status, new_status, old_owner, new_owner, at FROM chaos_job_changes ORDER BY id",
            r => new Change(r.GetString(0), Text(r, 1), Text(r, 2), Text(r, 3), Text(r, 4), r.GetDateTime(5).ToUniversalTime()), ct);

    /// <summary>Each job's status as the table holds it now.</summary>
    public async Task<Dictionary<string, string>> StatusesAsync(CancellationToken ct) =>
        (await QueryAsync("SELECT name, status FROM jobs", r => (Name: r.GetString(0), Status: r.GetString(1)), ct)).ToDictionary(j => j.Name, j => j.Status);

    /// <summary>The unfinished jobs whose lease a process holds (its pid is part of the lease owner's name).</summary>
    public Task<List<string>> HeldByAsync(int pid, CancellationToken ct) =>
        QueryAsync($"SELECT name FROM jobs WHERE status IN ('QUEUED', 'IN_PROGRESS') AND lease_owner LIKE '%/{pid}/%'", r => r.GetString(0), ct);

    private async Task<List<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> map, CancellationToken ct)
    {
        // The bench asks between faults, but PostgreSQL may still be starting from the last restart: ask again for a while.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(_connectionString);
                await connection.OpenAsync(ct);
                await using var command = new NpgsqlCommand(sql, connection);
                await using var reader = await command.ExecuteReaderAsync(ct);
                var rows = new List<T>();
                while (await reader.ReadAsync(ct)) rows.Add(map(reader));
                return rows;
            }
            catch (NpgsqlException) when (attempt < 30)
            {
                await Task.Delay(500, ct);
            }
        }
    }

    private static string? Text(NpgsqlDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);

    private static bool IsTerminal(string? status) => status is "COMPLETED" or "FAILED";
}
