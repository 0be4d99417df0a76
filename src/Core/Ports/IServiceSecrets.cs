namespace MedGrpc.Core.Ports;

/// <summary>
/// Secrets the service makes once and every replica shares (the page-token key), kept beside the jobs so that they
/// survive restarts. Embedded: SQLite; scale-out: PostgreSQL.
/// </summary>
public interface IServiceSecrets
{
    /// <summary>
    /// The secret stored under the name; when there is none yet, the candidate is stored first. Replicas that race to
    /// add one all get the one that was stored first.
    /// </summary>
    Task<byte[]> GetOrAddAsync(string name, byte[] candidate, CancellationToken ct);
}
