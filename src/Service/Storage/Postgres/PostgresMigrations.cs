using Npgsql;

namespace MedGrpc.Service.Storage.Postgres;

/// <summary>
/// The schema, as numbered steps applied in order and recorded in schema_migrations. Replicas that
/// start together take an advisory lock, so each step runs once. Never edit a step: add the next one.
/// Names are COLLATE "C" (byte order, as in SQLite), so List pages come in the same order on both stores.
/// </summary>
public static class PostgresMigrations
{
    // Any constant that no other user of the database takes; "MedG" in ASCII.
    private const long LockKey = 0x4D656447;

    private static readonly string[] Steps =
    [
        """
        CREATE TABLE jobs (
            name TEXT COLLATE "C" PRIMARY KEY,
            status TEXT NOT NULL,
            creation_ticks BIGINT NOT NULL,
            body TEXT NOT NULL,
            lease_owner TEXT,
            lease_until TIMESTAMPTZ);
        CREATE INDEX jobs_by_creation ON jobs (creation_ticks DESC, name DESC);
        CREATE INDEX jobs_unfinished ON jobs (creation_ticks, name) WHERE status IN ('QUEUED', 'IN_PROGRESS');
        CREATE TABLE vocabularies (
            name TEXT COLLATE "C" PRIMARY KEY,
            state TEXT NOT NULL,
            modified_ticks BIGINT NOT NULL,
            body TEXT NOT NULL);
        CREATE INDEX vocabularies_by_modified ON vocabularies (modified_ticks DESC, name DESC);
        CREATE TABLE tags (
            resource_arn TEXT NOT NULL,
            key TEXT NOT NULL,
            value TEXT NOT NULL,
            position BIGSERIAL,
            PRIMARY KEY (resource_arn, key));
        """,
    ];

    /// <summary>Applies the steps this database lacks; returns how many.</summary>
    public static int Apply(NpgsqlDataSource dataSource)
    {
        using var connection = dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        Execute(connection, $"SELECT pg_advisory_xact_lock({LockKey})");
        Execute(connection, "CREATE TABLE IF NOT EXISTS schema_migrations (version INT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())");
        using var current = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM schema_migrations", connection);
        var version = Convert.ToInt32(current.ExecuteScalar());
        for (var step = version; step < Steps.Length; step++)
        {
            Execute(connection, Steps[step]);
            Execute(connection, $"INSERT INTO schema_migrations (version) VALUES ({step + 1})");
        }
        transaction.Commit();
        return Math.Max(0, Steps.Length - version);
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
