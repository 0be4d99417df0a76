using MedGrpc.Core.Ports;

namespace MedGrpc.Storage.Embedded;

/// <summary>The service's secrets in SQLite beside the jobs: made once, kept across restarts.</summary>
public sealed class SqliteServiceSecrets(SqliteDatabase database) : IServiceSecrets
{
    public Task<byte[]> GetOrAddAsync(string name, byte[] candidate, CancellationToken ct) =>
        database.WriteAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            // One statement each: the first writer's value stays, and every caller reads it back.
            command.CommandText = "INSERT INTO service_secrets (name, value) VALUES ($name, $value) ON CONFLICT(name) DO NOTHING; SELECT value FROM service_secrets WHERE name = $name";
            command.Parameters.AddWithValue("$name", name);
            command.Parameters.AddWithValue("$value", candidate);
            return (byte[])(await command.ExecuteScalarAsync(ct))!;
        }, ct);
}
