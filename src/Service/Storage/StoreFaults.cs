using Npgsql;

namespace MedGrpc.Service.Storage;

/// <summary>Failures that mean a store is unreachable for now (worth trying again), as opposed to a bad request or a bug.</summary>
public static class StoreFaults
{
    public static bool IsUnavailable(Exception e) => e switch
    {
        ObjectStoreUnavailableException => true,
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is IOException or System.Net.Sockets.SocketException,
        TimeoutException => true,
        _ => false,
    };
}
