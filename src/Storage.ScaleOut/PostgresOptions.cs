namespace MedGrpc.Storage.ScaleOut;

/// <summary>"MedGrpc:Postgres": the shared job store and queue of a scale-out deployment (MedGrpc:Store = postgres).</summary>
public sealed class PostgresOptions
{
    public const string Section = "MedGrpc:Postgres";

    /// <summary>An Npgsql connection string, e.g. "Host=db;Username=medgrpc;Password=…;Database=medgrpc".</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>
    /// How long a replica holds a job it runs without renewing its lease. A replica that dies is
    /// noticed after this long and its job is taken up by another one.
    /// </summary>
    public double LeaseSeconds { get; set; } = 30;

    public TimeSpan Lease => TimeSpan.FromSeconds(LeaseSeconds);
}
