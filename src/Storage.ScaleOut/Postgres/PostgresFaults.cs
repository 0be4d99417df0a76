using System.Net.Sockets;
using MedGrpc.Core.Errors;
using Npgsql;

namespace MedGrpc.Storage.ScaleOut;

/// <summary>
/// PostgreSQL's faults in the core's terms: a database that can't be reached for now (a restart, a
/// dropped connection) becomes <see cref="StoreUnavailableException"/>; anything else (a bug, a bad
/// statement) goes on as it is.
/// </summary>
internal static class PostgresFaults
{
    public static bool IsUnavailable(NpgsqlException e) =>
        e.IsTransient || e.InnerException is IOException or SocketException;

    public static async Task<T> Translate<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (NpgsqlException e) when (IsUnavailable(e))
        {
            throw new StoreUnavailableException(e.Message, e);
        }
    }
}
