using MedGrpc.Core.Ports;

namespace MedGrpc.Storage.ScaleOut;

/// <summary>The service's secrets in PostgreSQL, shared by every replica: the first replica's value is the one all use.</summary>
public sealed class PostgresServiceSecrets(PostgresDatabase database) : IServiceSecrets
{
    public async Task<byte[]> GetOrAddAsync(string name, byte[] candidate, CancellationToken ct)
    {
        await database.ExecuteAsync("INSERT INTO service_secrets (name, value) VALUES (@name, @value) ON CONFLICT (name) DO NOTHING",
            p => { p.AddWithValue("name", name); p.AddWithValue("value", candidate); }, ct);
        return (await database.ScalarAsync<byte[]>("SELECT value FROM service_secrets WHERE name = @name", p => p.AddWithValue("name", name), ct))!;
    }
}
