using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using MedGrpc.Core.Telemetry;
using MedGrpc.Tests.Support;

namespace MedGrpc.Tests.Telemetry;

/// <summary>One trace per job: the caller's trace context on Start is carried through the queue to every stage of the run.</summary>
public sealed class JobTracingTests : IAsyncLifetime
{
    private readonly TestServer _server = new(1);
    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly ActivityListener _listener;

    public JobTracingTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == JobTracing.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _spans.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public async Task InitializeAsync()
    {
        await _server.StartAppAsync();
        _server.CreateBucket("out");
    }

    public async Task DisposeAsync()
    {
        _listener.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Every_stage_of_a_job_joins_the_trace_of_the_call_that_started_it()
    {
        var trace = ActivityTraceId.CreateRandom();
        var caller = new Metadata { { "traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01" } };
        var request = Requests.Dictation("traced", _server.PutFile("media", "traced.wav", MediaFiles.GoForward));

        await _server.Jobs.StartMedicalTranscriptionJobAsync(request, caller);
        await _server.WatchToEndAsync("traced");

        // The run's span ends just after its last event is published: wait for it, not for a time.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!_spans.Any(s => s.DisplayName == "job.run" && s.TraceId == trace) && DateTime.UtcNow < deadline) await Task.Delay(50);
        var names = _spans.Where(s => s.TraceId == trace).Select(s => s.DisplayName).ToHashSet();
        Assert.Superset(new HashSet<string> { "job.queued", "job.run", "job.decode", "job.recognize", "job.write" }, names);
    }
}
