using MedGrpc.Core.Resources;
using Microsoft.Data.Sqlite;

namespace MedGrpc.Storage.Embedded;

/// <summary>
/// The embedded schema, as numbered steps recorded in SQLite's user_version and applied in order
/// when the database opens. Never edit a step: add the next one. Step 1 is the schema before
/// accounts (CREATE IF NOT EXISTS, so a database from then is taken as it is); step 2 keys jobs and
/// vocabularies by account, giving the records already there the service's default account; step 3 gives
/// vocabularies their creation time, which List orders by; step 4 keeps the service's secrets.
/// </summary>
public static class SqliteMigrations
{
    private static string[] Steps(string defaultAccount) =>
    [
        """
        CREATE TABLE IF NOT EXISTS jobs (
            name TEXT PRIMARY KEY,
            status TEXT NOT NULL,
            creation_ticks INTEGER NOT NULL,
            body TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS jobs_by_creation ON jobs (creation_ticks DESC, name DESC);
        CREATE TABLE IF NOT EXISTS vocabularies (
            name TEXT PRIMARY KEY,
            state TEXT NOT NULL,
            modified_ticks INTEGER NOT NULL,
            body TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS vocabularies_by_modified ON vocabularies (modified_ticks DESC, name DESC);
        CREATE TABLE IF NOT EXISTS tags (
            resource_arn TEXT NOT NULL,
            key TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (resource_arn, key));
        """,
        // SQLite can't change a primary key in place: each table is copied into its new shape.
        $"""
        CREATE TABLE jobs_by_account (
            account_id TEXT NOT NULL,
            name TEXT NOT NULL,
            status TEXT NOT NULL,
            creation_ticks INTEGER NOT NULL,
            body TEXT NOT NULL,
            PRIMARY KEY (account_id, name));
        INSERT INTO jobs_by_account SELECT '{defaultAccount}', name, status, creation_ticks, json_set(body, '$.AccountId', '{defaultAccount}') FROM jobs;
        DROP TABLE jobs;
        ALTER TABLE jobs_by_account RENAME TO jobs;
        CREATE INDEX jobs_by_creation ON jobs (account_id, creation_ticks DESC, name DESC);
        CREATE INDEX jobs_unfinished ON jobs (creation_ticks, name) WHERE status IN ('QUEUED', 'IN_PROGRESS');
        CREATE TABLE vocabularies_by_account (
            account_id TEXT NOT NULL,
            name TEXT NOT NULL,
            state TEXT NOT NULL,
            modified_ticks INTEGER NOT NULL,
            body TEXT NOT NULL,
            PRIMARY KEY (account_id, name));
        INSERT INTO vocabularies_by_account SELECT '{defaultAccount}', name, state, modified_ticks, json_set(body, '$.AccountId', '{defaultAccount}') FROM vocabularies;
        DROP TABLE vocabularies;
        ALTER TABLE vocabularies_by_account RENAME TO vocabularies;
        CREATE INDEX vocabularies_by_modified ON vocabularies (account_id, modified_ticks DESC, name DESC);
        """,
        // Vocabularies are listed newest created first; those from before get their last modification as creation.
        """
        ALTER TABLE vocabularies ADD COLUMN creation_ticks INTEGER NOT NULL DEFAULT 0;
        UPDATE vocabularies SET creation_ticks = modified_ticks, body = json_set(body, '$.CreationTime', json_extract(body, '$.LastModifiedTime'));
        DROP INDEX vocabularies_by_modified;
        CREATE INDEX vocabularies_by_creation ON vocabularies (account_id, creation_ticks DESC, name DESC);
        """,
        // Secrets every replica and restart shares: the page-token key.
        """
        CREATE TABLE service_secrets (
            name TEXT PRIMARY KEY,
            value BLOB NOT NULL);
        """,
    ];

    /// <summary>Applies the steps this database lacks, all in one transaction; returns how many.</summary>
    public static int Apply(SqliteConnection connection, string defaultAccount)
    {
        // Written into the SQL as a literal: checked to be twelve digits, so it can't break out of its quotes.
        if (!AccountIds.IsValid(defaultAccount))
            throw new InvalidOperationException($"MedGrpc:AccountId '{defaultAccount}' isn't an account id: use twelve digits, e.g. 000000000000.");
        var steps = Steps(defaultAccount);
        using var transaction = connection.BeginTransaction();
        var version = Convert.ToInt32(Scalar(connection, "PRAGMA user_version"));
        for (var step = version; step < steps.Length; step++) SqliteDatabase.Execute(connection, steps[step]);
        if (version < steps.Length) SqliteDatabase.Execute(connection, $"PRAGMA user_version = {steps.Length}");
        transaction.Commit();
        return Math.Max(0, steps.Length - version);
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
