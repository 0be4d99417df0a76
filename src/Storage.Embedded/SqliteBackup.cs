using Microsoft.Data.Sqlite;

namespace MedGrpc.Storage.Embedded;

/// <summary>
/// Backup and restore of the embedded database (jobs, vocabularies, tags, the page-token key). A backup is taken
/// with SQLite's online backup API (Microsoft.Data.Sqlite's BackupDatabase) while the service runs: it copies a
/// consistent snapshot, whatever the service writes meanwhile. A restore replaces the database of a stopped service.
/// </summary>
public static class SqliteBackup
{
    public const string FileName = "jobs.db";

    /// <summary>Copies the data dir's database to a new file; the copy is checked before it is given its name.</summary>
    public static void BackUp(string dataDir, string destination) => AsIOException(() => BackUpDatabase(dataDir, destination));

    /// <summary>
    /// Puts a backup in place of the data dir's database, the service being stopped: the backup is checked first, and
    /// the old database's write-ahead log is removed with it, so nothing of it is replayed over the restored one.
    /// </summary>
    public static void Restore(string backup, string dataDir) => AsIOException(() => RestoreDatabase(backup, dataDir));

    // The driver's faults as the base library's, so the host that runs the commands needs no SQLite type.
    private static void AsIOException(Action action)
    {
        try { action(); }
        catch (SqliteException e) { throw new IOException($"SQLite: {e.Message}", e); }
    }

    private static void BackUpDatabase(string dataDir, string destination)
    {
        var database = Path.Combine(dataDir, FileName);
        if (!File.Exists(database)) throw new FileNotFoundException($"There is no database to back up at {database}.", database);
        if (File.Exists(destination)) throw new IOException($"{destination} exists already: give the backup a new name.");
        var partial = destination + ".partial";
        File.Delete(partial);
        using (var source = Open(database, SqliteOpenMode.ReadWrite))
        using (var target = Open(partial, SqliteOpenMode.ReadWriteCreate))
        {
            source.BackupDatabase(target);
            Check(target, partial);
        }
        File.Move(partial, destination);
    }

    private static void RestoreDatabase(string backup, string dataDir)
    {
        if (!File.Exists(backup)) throw new FileNotFoundException($"There is no backup at {backup}.", backup);
        using (var check = Open(backup, SqliteOpenMode.ReadOnly)) Check(check, backup);
        Directory.CreateDirectory(dataDir);
        var database = Path.Combine(dataDir, FileName);
        var restoring = database + ".restoring";
        File.Copy(backup, restoring, overwrite: true);
        foreach (var stale in new[] { database + "-wal", database + "-shm" }) File.Delete(stale);
        File.Move(restoring, database, overwrite: true);
    }

    private static SqliteConnection Open(string path, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static void Check(SqliteConnection connection, string path)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        if (command.ExecuteScalar() is not "ok") throw new InvalidDataException($"{path} fails SQLite's integrity check.");
    }
}
