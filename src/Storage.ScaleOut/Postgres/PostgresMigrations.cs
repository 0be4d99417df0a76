using MedGrpc.Core.Resources;
using Npgsql;

namespace MedGrpc.Storage.ScaleOut;

/// <summary>
/// The schema, as numbered steps applied in order and recorded in schema_migrations. Replicas that
/// start together take an advisory lock, so each step runs once. Never edit a step: add the next one.
/// Names are COLLATE "C" (byte order, as in SQLite), so List pages come in the same order on both stores.
/// </summary>
public static class PostgresMigrations
{
    // Any constant that no other user of the database takes; "MedG" in ASCII.
    private const long LockKey = 0x4D656447;

    private static string[] Steps(string defaultAccount) =>
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
        // Jobs and vocabularies keyed by account; the records already there get the service's default account.
        $$"""
        ALTER TABLE jobs ADD COLUMN account_id TEXT COLLATE "C" NOT NULL DEFAULT '{{defaultAccount}}';
        ALTER TABLE jobs ALTER COLUMN account_id DROP DEFAULT;
        UPDATE jobs SET body = jsonb_set(body::jsonb, '{AccountId}', to_jsonb(account_id))::text;
        ALTER TABLE jobs DROP CONSTRAINT jobs_pkey, ADD PRIMARY KEY (account_id, name);
        DROP INDEX jobs_by_creation;
        CREATE INDEX jobs_by_creation ON jobs (account_id, creation_ticks DESC, name DESC);
        ALTER TABLE vocabularies ADD COLUMN account_id TEXT COLLATE "C" NOT NULL DEFAULT '{{defaultAccount}}';
        ALTER TABLE vocabularies ALTER COLUMN account_id DROP DEFAULT;
        UPDATE vocabularies SET body = jsonb_set(body::jsonb, '{AccountId}', to_jsonb(account_id))::text;
        ALTER TABLE vocabularies DROP CONSTRAINT vocabularies_pkey, ADD PRIMARY KEY (account_id, name);
        DROP INDEX vocabularies_by_modified;
        CREATE INDEX vocabularies_by_modified ON vocabularies (account_id, modified_ticks DESC, name DESC);
        """,
        // Vocabularies are listed newest created first; those from before get their last modification as creation.
        """
        ALTER TABLE vocabularies ADD COLUMN creation_ticks BIGINT;
        UPDATE vocabularies SET creation_ticks = modified_ticks, body = jsonb_set(body::jsonb, '{CreationTime}', body::jsonb -> 'LastModifiedTime')::text;
        ALTER TABLE vocabularies ALTER COLUMN creation_ticks SET NOT NULL;
        DROP INDEX vocabularies_by_modified;
        CREATE INDEX vocabularies_by_creation ON vocabularies (account_id, creation_ticks DESC, name DESC);
        """,
        // Secrets every replica and restart shares: the page-token key.
        """
        CREATE TABLE service_secrets (
            name TEXT COLLATE "C" PRIMARY KEY,
            value BYTEA NOT NULL);
        """,
    ];

    /// <summary>Applies the steps this database lacks; returns how many.</summary>
    public static int Apply(NpgsqlDataSource dataSource, string defaultAccount)
    {
        // Written into the SQL as a literal: checked to be twelve digits, so it can't break out of its quotes.
        if (!AccountIds.IsValid(defaultAccount))
            throw new InvalidOperationException($"MedGrpc:AccountId '{defaultAccount}' isn't an account id: use twelve digits, e.g. 000000000000.");
        var steps = Steps(defaultAccount);
        using var connection = dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        Execute(connection, $"SELECT pg_advisory_xact_lock({LockKey})");
        Execute(connection, "CREATE TABLE IF NOT EXISTS schema_migrations (version INT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())");
        using var current = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM schema_migrations", connection);
        var version = Convert.ToInt32(current.ExecuteScalar());
        for (var step = version; step < steps.Length; step++)
        {
            Execute(connection, steps[step]);
            Execute(connection, $"INSERT INTO schema_migrations (version) VALUES ({step + 1})");
        }
        transaction.Commit();
        return Math.Max(0, steps.Length - version);
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
