using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MedGrpc.Service.Health;

/// <summary>The service can transcribe only once the engine's model is loaded.</summary>
public sealed class EngineHealthCheck(EngineReadiness readiness) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        Task.FromResult(readiness.Loaded.Status switch
        {
            TaskStatus.RanToCompletion => HealthCheckResult.Healthy(),
            TaskStatus.Faulted => HealthCheckResult.Unhealthy("The speech engine's model could not be loaded.", readiness.Loaded.Exception?.InnerException),
            _ => HealthCheckResult.Unhealthy("The speech engine's model is loading."),
        });
}
