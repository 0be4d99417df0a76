using MedGrpc.Core.Options;
using MedGrpc.Core.Telemetry;
using MedGrpc.Service.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace MedGrpc.Service.Telemetry;

/// <summary>
/// OpenTelemetry for the service: its metrics (and the .NET runtime's) in Prometheus text format on the
/// metrics port, and its traces (the RPCs and each job's stages) over OTLP when a collector is configured.
/// </summary>
public static class TelemetrySetup
{
    public static void AddMedGrpcTelemetry(this IServiceCollection services, ServiceOptions options)
    {
        services.AddSingleton<JobCounts>();
        services.AddSingleton<ServiceMetrics>();
        var telemetry = services.AddOpenTelemetry().ConfigureResource(resource => resource.AddService("medgrpc"));
        if (options.Metrics.Port > 0)
        {
            telemetry.WithMetrics(metrics => metrics
                .AddMeter(ServiceMetrics.MeterName)
                // .NET's own runtime metrics (GC heap, working set, threads): what a memory figure is made of.
                .AddMeter("System.Runtime")
                .AddPrometheusHttpListener(listener =>
                {
                    listener.Host = options.Metrics.Host;
                    listener.Port = options.Metrics.Port;
                    // Scrapes see the figures of that moment, not of a cached earlier scrape.
                    listener.ScrapeResponseCacheDurationMilliseconds = 0;
                }));
        }
        var otlp = options.Tracing.OtlpEndpoint;
        var exportTraces = otlp.Length > 0 || Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT") is { Length: > 0 };
        // Spans are made even when not exported: log lines carry their trace id either way.
        telemetry.WithTracing(tracing =>
        {
            tracing.AddSource(JobTracing.SourceName).AddAspNetCoreInstrumentation();
            if (exportTraces) tracing.AddOtlpExporter(o => { if (otlp.Length > 0) o.Endpoint = new Uri(otlp); });
        });
    }
}
