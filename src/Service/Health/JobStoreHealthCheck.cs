using MedGrpc.Core.Ports;
using MedGrpc.Core.Resources;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MedGrpc.Service.Health;

/// <summary>The service can take jobs only while it can read and write job records.</summary>
public sealed class JobStoreHealthCheck(IJobStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await store.GetAsync(new ResourceKey("000000000000", "health-check"), ct);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("The job store cannot be read.", e);
        }
    }
}
