namespace MedGrpc.Service.Options;

/// <summary>"MedGrpc:Metrics": the Prometheus scrape endpoint, on a port of its own (plain HTTP/1.1).</summary>
public sealed class MetricsOptions
{
    /// <summary>0: no metrics endpoint.</summary>
    public int Port { get; set; } = 9464;

    /// <summary>The host the endpoint listens on: "localhost" (default), or "*" for every interface.</summary>
    public string Host { get; set; } = "localhost";
}

/// <summary>"MedGrpc:Tracing": where spans go. Without an endpoint (and without OTEL_EXPORTER_OTLP_ENDPOINT) they aren't exported.</summary>
public sealed class TracingOptions
{
    /// <summary>An OTLP collector, e.g. "http://otel-collector:4317" (gRPC) — the standard OTEL_EXPORTER_OTLP_* variables work too.</summary>
    public string OtlpEndpoint { get; set; } = "";
}
