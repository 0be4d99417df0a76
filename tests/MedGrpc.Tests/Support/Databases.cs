using MedGrpc.Service.Options;
using MedGrpc.Service.Storage.Postgres;
using Microsoft.Extensions.Logging.Abstractions;

namespace MedGrpc.Tests.Support;

public static class Databases
{
    /// <summary>The service's PostgreSQL database object (migrations applied) over the given database.</summary>
    public static PostgresDatabase Open(string connectionString, double leaseSeconds = 30) =>
        new(Microsoft.Extensions.Options.Options.Create(new MedGrpcOptions
        {
            Store = StoreKinds.Postgres,
            Postgres = new PostgresOptions { ConnectionString = connectionString, LeaseSeconds = leaseSeconds },
        }), NullLogger<PostgresDatabase>.Instance);
}
