using System.Diagnostics;
using MedGrpc.Core.Model;

namespace MedGrpc.Core.Telemetry;

/// <summary>
/// One trace per job: the Start RPC's span (ASP.NET Core's), then "job.queued" for the wait, "job.run"
/// for the run on whichever replica took it, and a span per stage inside it (decode, recognize,
/// diarize, write). The run joins the Start call's trace through the trace context kept in the job.
/// </summary>
public static class JobTracing
{
    public const string SourceName = "MedGrpc.Jobs";
    private static readonly ActivitySource Source = new(SourceName);

    /// <summary>The run of the job, from the moment a worker takes it; the wait before is recorded as its own span.</summary>
    public static Activity? StartRun(Job job)
    {
        var parent = ActivityContext.TryParse(job.TraceParent, null, out var context) ? context : default;
        using (var queued = Source.StartActivity("job.queued", ActivityKind.Internal, parent, Tags(job), startTime: job.CreationTime))
            queued?.SetEndTime(DateTime.UtcNow);
        return Source.StartActivity("job.run", ActivityKind.Internal, parent, Tags(job));
    }

    /// <summary>The stages of the current run as consecutive spans: entering one ends the one before.</summary>
    public sealed class Stages : IDisposable
    {
        private Activity? _current;

        public void Enter(string stage)
        {
            _current?.Dispose();
            _current = Source.StartActivity($"job.{stage}");
        }

        public void Dispose() => _current?.Dispose();
    }

    private static KeyValuePair<string, object?>[] Tags(Job job) =>
        [new("medgrpc.job.name", job.Name), new("medgrpc.account.id", job.AccountId)];
}
