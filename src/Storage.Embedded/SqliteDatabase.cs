using MedGrpc.Core.Options;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace MedGrpc.Storage.Embedded;

/// <summary>
/// The embedded database file (jobs.db under the data dir) that the SQLite stores share, its schema
/// (brought up to date when it opens), and its
/// one writer at a time: SQLite has a single writer, and Microsoft.Data.Sqlite answers a busy
/// database by sleeping and retrying; queueing this process's writes here keeps a burst from stalling.
/// </summary>
public sealed class SqliteDatabase
{
    private readonly string _connectionString;
    private readonly SemaphoreSlim _writer = new(1, 1);

    public SqliteDatabase(IOptions<MedGrpcOptions> options)
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
        // Kept in the file: readers never block the writer, and a commit is one append to the log.
        Execute(connection, "PRAGMA journal_mode = WAL;");
        SqliteMigrations.Apply(connection, options.Value.AccountId);
    }

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        // Per connection, not kept in the file: in WAL mode FULL syncs the log at every commit, so a job a caller was
        // told about survives a power cut too, not only a crash of the process (which WAL alone survives).
        Execute(connection, "PRAGMA synchronous = FULL;");
        return connection;
    }

    /// <summary>Runs a write with this process's other writes queued behind it.</summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, Task<T>> write, CancellationToken ct)
    {
        await _writer.WaitAsync(ct);
        try
        {
            await using var connection = Open();
            return await write(connection);
        }
        finally
        {
            _writer.Release();
        }
    }

    public static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
