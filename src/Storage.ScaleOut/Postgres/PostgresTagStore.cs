using MedGrpc.Core.Ports;
using MedGrpc.Core.Resources;

namespace MedGrpc.Storage.ScaleOut;

/// <summary>Tags in PostgreSQL, one row per resource and key; a serial column keeps the order keys were first set.</summary>
public sealed class PostgresTagStore(PostgresDatabase database) : ITagStore
{
    public async Task<IReadOnlyList<JobTag>> ListAsync(string resourceArn, CancellationToken ct) =>
        await database.ReadAsync(
            "SELECT key, value FROM tags WHERE resource_arn = @arn ORDER BY position",
            p => p.AddWithValue("arn", resourceArn),
            r => new JobTag(r.GetString(0), r.GetString(1)), ct);

    public async Task SetAsync(string resourceArn, IReadOnlyList<JobTag> tags, CancellationToken ct)
    {
        // One statement for the whole set, so it lands all or none.
        await database.ExecuteAsync("""
            INSERT INTO tags (resource_arn, key, value)
            SELECT @arn, t.key, t.value FROM unnest(@keys, @values) WITH ORDINALITY AS t(key, value, n) ORDER BY t.n
            ON CONFLICT (resource_arn, key) DO UPDATE SET value = excluded.value
            """,
            p =>
            {
                p.AddWithValue("arn", resourceArn);
                p.AddWithValue("keys", tags.Select(t => t.Key).ToArray());
                p.AddWithValue("values", tags.Select(t => t.Value).ToArray());
            }, ct);
    }

    public async Task RemoveAsync(string resourceArn, IReadOnlyList<string> keys, CancellationToken ct) =>
        await database.ExecuteAsync(
            "DELETE FROM tags WHERE resource_arn = @arn AND key = ANY(@keys)",
            p =>
            {
                p.AddWithValue("arn", resourceArn);
                p.AddWithValue("keys", keys.ToArray());
            }, ct);

    public async Task RemoveAllAsync(string resourceArn, CancellationToken ct) =>
        await database.ExecuteAsync("DELETE FROM tags WHERE resource_arn = @arn", p => p.AddWithValue("arn", resourceArn), ct);
}
