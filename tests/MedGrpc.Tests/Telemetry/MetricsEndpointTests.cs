using System.Globalization;
using System.Text.RegularExpressions;

namespace MedGrpc.Tests.Telemetry;

/// <summary>The Prometheus endpoint shows the counts that the fixture's real jobs and calls must produce.</summary>
public sealed partial class MetricsEndpointTests(ScrapedServiceFixture service) : IClassFixture<ScrapedServiceFixture>
{
    private const string Api = "/medgrpc.transcribe.v1.MedicalTranscription/";

    /// <summary>The value of the one sample of the metric whose labels include all those given.</summary>
    private double Sample(string metric, params (string Label, string Value)[] labels)
    {
        var matches = SampleLine().Matches(service.Scrape)
            .Where(m => m.Groups["name"].Value == metric && labels.All(l => m.Groups["labels"].Value.Contains($"{l.Label}=\"{l.Value}\"", StringComparison.Ordinal)))
            .ToList();
        Assert.True(matches.Count == 1, $"expected one sample of {metric} with {string.Join(",", labels)}, found {matches.Count} in:\n{service.Scrape}");
        return double.Parse(matches[0].Groups["value"].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>[^}]*)\})? (?<value>\S+)", RegexOptions.Multiline)]
    private static partial Regex SampleLine();

    [Fact]
    public void Jobs_are_counted_by_status()
    {
        Assert.Equal(1, Sample("medgrpc_jobs", ("status", "COMPLETED")));
        Assert.Equal(1, Sample("medgrpc_jobs", ("status", "FAILED")));
    }

    [Fact]
    public void The_queue_is_empty_once_the_jobs_have_ended() => Assert.Equal(0, Sample("medgrpc_queue_depth"));

    [Fact]
    public void The_failed_job_is_counted_by_the_kind_of_its_reason() =>
        Assert.Equal(1, Sample("medgrpc_job_failures_total", ("reason", "unsupported_media_format")));

    [Fact]
    public void Each_ended_job_has_its_duration_recorded_by_status()
    {
        Assert.Equal(1, Sample("medgrpc_job_duration_seconds_count", ("status", "COMPLETED")));
        Assert.Equal(1, Sample("medgrpc_job_duration_seconds_count", ("status", "FAILED")));
    }

    [Fact]
    public void The_completed_job_has_its_real_time_factor_recorded()
    {
        Assert.Equal(1, Sample("medgrpc_job_real_time_factor_count"));
        Assert.InRange(Sample("medgrpc_job_real_time_factor_sum"), 0.001, 100);
    }

    [Fact]
    public void The_engine_cpu_time_of_the_recognition_is_counted() =>
        Assert.InRange(Sample("medgrpc_engine_cpu_time_seconds_total"), 0.01, 60);

    [Fact]
    public void No_watch_stream_is_open_once_the_watchers_have_gone() => Assert.Equal(0, Sample("medgrpc_watch_streams"));

    [Fact]
    public void Rpcs_are_timed_by_method_and_status()
    {
        Assert.Equal(2, Sample("medgrpc_rpc_duration_seconds_count", ("method", Api + "StartMedicalTranscriptionJob"), ("status", "OK")));
        Assert.Equal(2, Sample("medgrpc_rpc_duration_seconds_count", ("method", Api + "WatchJob"), ("status", "OK")));
        Assert.Equal(1, Sample("medgrpc_rpc_duration_seconds_count", ("method", Api + "GetMedicalTranscriptionJob"), ("status", "InvalidArgument")));
    }

    [Fact]
    public void The_runtime_shows_the_process_working_set_and_the_gc_heap()
    {
        Assert.InRange(Sample("dotnet_process_memory_working_set_bytes"), 1e6, 1e11);
        Assert.InRange(Sample("dotnet_gc_last_collection_memory_committed_size_bytes"), 1e5, 1e11);
    }
}
