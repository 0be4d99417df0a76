using MedGrpc.Core.Jobs;
using MedGrpc.Core.Model;
using MedGrpc.Core.Telemetry;
using MedGrpc.Storage.Embedded;
using MedGrpc.Tests.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace MedGrpc.Tests.Support;

/// <summary>A job lifecycle over a SQLite store of its own and in-process events, for tests of what sits on it.</summary>
public sealed class JobsInProcess : IDisposable
{
    public const string Account = "000000000000";

    private readonly TempDataDir _dir = new();
    private readonly ServiceProvider _meters = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public JobsInProcess()
    {
        Store = new SqliteJobStore(new SqliteDatabase(_dir.Options));
        var metrics = new ServiceMetrics(_meters.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(),
            new JobCounts(Store, NullLogger<JobCounts>.Instance), Events);
        Lifecycle = new JobLifecycle(Store, Events, metrics, TimeProvider.System, NullLogger<JobLifecycle>.Instance);
    }

    public SqliteJobStore Store { get; }

    public InProcessJobEvents Events { get; } = new();

    public JobLifecycle Lifecycle { get; }

    public Task<Job> CreateAsync(string name) =>
        Lifecycle.CreateAsync(Account, ValidRequests.Start() with { MedicalTranscriptionJobName = name }, CancellationToken.None);

    public void Dispose()
    {
        _meters.Dispose();
        _dir.Dispose();
    }
}
