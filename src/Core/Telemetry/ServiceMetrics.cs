using System.Diagnostics.Metrics;
using MedGrpc.Core.Errors;
using MedGrpc.Core.Model;
using MedGrpc.Core.Ports;

namespace MedGrpc.Core.Telemetry;

/// <summary>
/// The service's own metrics, on meter "MedGrpc" (exported in Prometheus text format, see
/// <see cref="TelemetrySetup"/>). Job counts come from the store, so every replica reports the
/// whole deployment's; the histograms and counters are this replica's work.
/// </summary>
public sealed class ServiceMetrics
{
    public const string MeterName = "MedGrpc";

    private readonly Histogram<double> _jobDuration;
    private readonly Histogram<double> _realTimeFactor;
    private readonly Counter<long> _failures;
    private readonly Counter<double> _engineCpu;
    private readonly Histogram<double> _rpcDuration;

    public ServiceMetrics(IMeterFactory meters, JobCounts counts, IJobEvents events)
    {
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("medgrpc.jobs", () => counts.ByStatus().Select(c => new Measurement<long>(c.Value, Tag("status", c.Key))),
            "{job}", "Jobs of all accounts in each status (QUEUED, IN_PROGRESS, COMPLETED, FAILED), as the job store holds them");
        meter.CreateObservableGauge("medgrpc.queue.depth", () => counts.ByStatus().GetValueOrDefault("QUEUED"),
            "{job}", "Jobs waiting for a worker");
        meter.CreateObservableGauge("medgrpc.watch.streams", () => events.WatcherCount,
            "{stream}", "WatchJob streams open on this replica");
        _jobDuration = meter.CreateHistogram<double>("medgrpc.job.duration", "s",
            "Time from a job's start (IN_PROGRESS) to its end, by final status");
        _realTimeFactor = meter.CreateHistogram<double>("medgrpc.job.real_time_factor", "1",
            "Processing time over audio duration of each COMPLETED job (below 1: faster than real time)");
        _failures = meter.CreateCounter<long>("medgrpc.job.failures", "{job}",
            "FAILED jobs by the kind of their FailureReason");
        _engineCpu = meter.CreateCounter<double>("medgrpc.engine.cpu_time", "s",
            "CPU time the speech engine spent recognising");
        _rpcDuration = meter.CreateHistogram<double>("medgrpc.rpc.duration", "s",
            "RPC latency by method and gRPC status (WatchJob: the stream's lifetime)");
    }

    /// <summary>A job ended: how long it ran and, when it failed, why.</summary>
    public void JobEnded(Job job)
    {
        if (job.StartTime is { } start && job.CompletionTime is { } end)
            _jobDuration.Record((end - start).TotalSeconds, Tag("status", job.Status.ToAws()));
        if (job.Status == JobStatus.Failed) _failures.Add(1, Tag("reason", JobFailure.Label(job.FailureKind)));
    }

    public void Recognized(double processingSeconds, double audioSeconds, double engineCpuSeconds)
    {
        if (audioSeconds > 0) _realTimeFactor.Record(processingSeconds / audioSeconds);
        if (engineCpuSeconds > 0) _engineCpu.Add(engineCpuSeconds);
    }

    public void RpcEnded(string method, string status, double seconds) =>
        _rpcDuration.Record(seconds, Tag("method", method), Tag("status", status));

    private static KeyValuePair<string, object?> Tag(string key, object? value) => new(key, value);
}
