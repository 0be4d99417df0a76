using MedGrpc.Engines.PocketSphinx;
using MedGrpc.Service.Health;
using MedGrpc.Core.Options;
using MedGrpc.Tests.Support;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using static Grpc.Health.V1.HealthCheckResponse.Types;

namespace MedGrpc.Tests.Health;

/// <summary>Readiness: NOT_SERVING while the engine's model loads or the job store can't be reached; liveness stays SERVING.</summary>
public sealed class ReadinessTests : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _owned = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned)) await owned.DisposeAsync();
    }

    [Fact]
    public async Task The_engine_is_unhealthy_until_its_model_has_loaded()
    {
        using var engine = new PocketSphinxEngine(Microsoft.Extensions.Options.Options.Create(new PocketSphinxOptions()), NullLogger<PocketSphinxEngine>.Instance);
        var readiness = new EngineReadiness(engine, NullLogger<EngineReadiness>.Instance);
        var check = new EngineHealthCheck(readiness);

        await readiness.StartAsync(CancellationToken.None);
        var whileLoading = await check.CheckHealthAsync(new HealthCheckContext());
        await readiness.Loaded.WaitAsync(TimeSpan.FromMinutes(1));
        var loaded = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, whileLoading.Status);
        Assert.Equal("The speech engine's model is loading.", whileLoading.Description);
        Assert.Equal(HealthStatus.Healthy, loaded.Status);
    }

    [Fact]
    public async Task A_replica_whose_database_is_down_is_not_serving_but_alive()
    {
        var postgres = await PostgresServer.StartAsync();
        _owned.Add(postgres);
        var replica = new TestServer(1, postgres: await postgres.CreateDatabaseAsync());
        _owned.Add(replica);
        await replica.StartAppAsync();
        await HealthProbe.WaitForAsync(replica.Channel, ServingStatus.Serving);

        await postgres.StopProcessAsync();
        await HealthProbe.WaitForAsync(replica.Channel, ServingStatus.NotServing);
        Assert.Equal(ServingStatus.Serving, await HealthProbe.CheckAsync(replica.Channel, "liveness"));

        await postgres.StartProcessAsync();
        await HealthProbe.WaitForAsync(replica.Channel, ServingStatus.Serving);
    }
}
