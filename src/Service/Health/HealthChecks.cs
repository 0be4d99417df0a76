using Grpc.AspNetCore.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MedGrpc.Service.Health;

/// <summary>
/// The gRPC health service's two answers. Readiness, service "" (what load balancers and
/// orchestrators' readiness probes ask): SERVING only with the engine loaded and the job store
/// reachable. Liveness, service "liveness": SERVING whenever the process answers at all, so a
/// database outage takes replicas out of rotation without getting them restarted.
/// </summary>
public static class HealthChecks
{
    public const string Liveness = "liveness";
    private const string LiveTag = "live";

    public static void AddMedGrpcHealthChecks(this IServiceCollection services)
    {
        services.AddSingleton<EngineReadiness>();
        services.AddHostedService(sp => sp.GetRequiredService<EngineReadiness>());
        services.AddGrpcHealthChecks(options =>
            {
                // Service "" (all checks) is mapped by default.
                options.Services.Map(Liveness, check => check.Tags.Contains(LiveTag));
            })
            .AddCheck("process", () => HealthCheckResult.Healthy(), tags: [LiveTag])
            .AddCheck<EngineHealthCheck>("engine")
            .AddCheck<JobStoreHealthCheck>("job-store");
    }
}
