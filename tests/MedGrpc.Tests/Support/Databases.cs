using MedGrpc.Core.Options;
using MedGrpc.Storage.ScaleOut;
using Microsoft.Extensions.Logging.Abstractions;

namespace MedGrpc.Tests.Support;

public static class Databases
{
    /// <summary>The service's PostgreSQL database object (migrations applied) over the given database.</summary>
    public static PostgresDatabase Open(string connectionString, double leaseSeconds = 30) =>
        new(Microsoft.Extensions.Options.Options.Create(new MedGrpcOptions()),
            Microsoft.Extensions.Options.Options.Create(new PostgresOptions { ConnectionString = connectionString, LeaseSeconds = leaseSeconds }),
            NullLogger<PostgresDatabase>.Instance);
}
