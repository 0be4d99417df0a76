using System.Text.Json.Nodes;
using MedGrpc.Core.Model;
using MedGrpc.Core.Ports;
using MedGrpc.Core.Resources;
using MedGrpc.Storage.Embedded;
using MedGrpc.Storage.ScaleOut;
using MedGrpc.Tests.Support;
using MedGrpc.Tests.Validation;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace MedGrpc.Tests.Storage;

/// <summary>
/// A database written before jobs had accounts opens with every job kept, now under the service's
/// default account. The old tables are written here as that release made them.
/// </summary>
public sealed class AccountMigrationTests : IDisposable
{
    private const string DefaultAccount = "000000000000";
    private readonly TempDataDir _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>A job's record as the release before accounts stored it: no AccountId in the JSON.</summary>
    private static string BodyWithoutAccount(string name)
    {
        var job = new Job
        {
            AccountId = DefaultAccount,
            Request = ValidRequests.Start() with { MedicalTranscriptionJobName = name },
            Status = JobStatus.Queued,
            CreationTime = new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero),
        };
        var body = JsonNode.Parse(StoredRecords.Serialize(job))!.AsObject();
        body.Remove("AccountId");
        return body.ToJsonString();
    }

    [Fact]
    public async Task An_sqlite_database_from_before_accounts_keeps_its_jobs_under_the_default_account()
    {
        Directory.CreateDirectory(_dir.Path);
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(_dir.Path, "jobs.db")};Pooling=false"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE jobs (name TEXT PRIMARY KEY, status TEXT NOT NULL, creation_ticks INTEGER NOT NULL, body TEXT NOT NULL);
                INSERT INTO jobs VALUES ('before-accounts', 'QUEUED', 1, $body);
                """;
            command.Parameters.AddWithValue("$body", BodyWithoutAccount("before-accounts"));
            await command.ExecuteNonQueryAsync();
        }

        var store = new SqliteJobStore(new SqliteDatabase(_dir.Options));

        var job = await store.GetAsync(new ResourceKey(DefaultAccount, "before-accounts"), default);
        Assert.Equal(DefaultAccount, job!.AccountId);
        Assert.Equal(["before-accounts"], (await store.ListUnfinishedAsync(default)).Select(j => j.Name));
    }

    [Fact]
    public async Task A_postgresql_database_from_before_accounts_keeps_its_jobs_under_the_default_account()
    {
        var connectionString = await (await PostgresServer.Shared).CreateDatabaseAsync();
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("""
                CREATE TABLE schema_migrations (version INT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now());
                INSERT INTO schema_migrations (version) VALUES (1);
                CREATE TABLE jobs (name TEXT COLLATE "C" PRIMARY KEY, status TEXT NOT NULL, creation_ticks BIGINT NOT NULL, body TEXT NOT NULL, lease_owner TEXT, lease_until TIMESTAMPTZ);
                CREATE INDEX jobs_by_creation ON jobs (creation_ticks DESC, name DESC);
                CREATE INDEX jobs_unfinished ON jobs (creation_ticks, name) WHERE status IN ('QUEUED', 'IN_PROGRESS');
                CREATE TABLE vocabularies (name TEXT COLLATE "C" PRIMARY KEY, state TEXT NOT NULL, modified_ticks BIGINT NOT NULL, body TEXT NOT NULL);
                CREATE INDEX vocabularies_by_modified ON vocabularies (modified_ticks DESC, name DESC);
                CREATE TABLE tags (resource_arn TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, position BIGSERIAL, PRIMARY KEY (resource_arn, key));
                INSERT INTO jobs (name, status, creation_ticks, body) VALUES ('before-accounts', 'QUEUED', 1, @body);
                """, connection);
            command.Parameters.AddWithValue("body", BodyWithoutAccount("before-accounts"));
            await command.ExecuteNonQueryAsync();
        }

        await using var database = Databases.Open(connectionString);
        var store = new PostgresJobStore(database);

        var job = await store.GetAsync(new ResourceKey(DefaultAccount, "before-accounts"), default);
        Assert.Equal(DefaultAccount, job!.AccountId);
        Assert.Equal(["before-accounts"], (await store.ListUnfinishedAsync(default)).Select(j => j.Name));
    }
}
