using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Bench.ScaleOut;

/// <summary>
/// A steady stream of GetMedicalTranscriptionJob calls for the length of the run, each on a job picked
/// at random from those started so far, the replicas taking turns. Calls go out at a fixed rate however
/// slow the answers are, so a slow answer cannot hide the ones that would have queued behind it.
/// </summary>
public sealed class GetStream
{
    private readonly ConcurrentQueue<double> _latencies = new();
    private readonly ConcurrentQueue<Task> _calls = new();
    private readonly CancellationTokenSource _stop;
    private readonly Task _loop;
    private int _errors;

    private GetStream(IReadOnlyList<MedicalTranscription.MedicalTranscriptionClient> replicas, Func<Random, string?> pickJob, double perSecond, CancellationToken ct)
    {
        PerSecond = perSecond;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        _loop = RunAsync(replicas, pickJob, perSecond, ct);
    }

    public double PerSecond { get; }

    public int Errors => _errors;

    public static GetStream Start(IReadOnlyList<MedicalTranscription.MedicalTranscriptionClient> replicas, Func<Random, string?> pickJob, double perSecond, CancellationToken ct) =>
        new(replicas, pickJob, perSecond, ct);

    /// <summary>Stops calling, waits for the calls still out, and returns every latency in milliseconds.</summary>
    public async Task<IReadOnlyList<double>> StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        await Task.WhenAll(_calls);
        _stop.Dispose();
        return [.. _latencies];
    }

    private async Task RunAsync(IReadOnlyList<MedicalTranscription.MedicalTranscriptionClient> replicas, Func<Random, string?> pickJob, double perSecond, CancellationToken ct)
    {
        var random = new Random(6);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1 / perSecond));
        var turn = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                if (pickJob(random) is not { } name) continue;
                _calls.Enqueue(GetAsync(replicas[turn++ % replicas.Count], name, ct));
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }

    private async Task GetAsync(MedicalTranscription.MedicalTranscriptionClient replica, string name, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await replica.GetMedicalTranscriptionJobAsync(new GetMedicalTranscriptionJobRequest { MedicalTranscriptionJobName = name }, cancellationToken: ct);
            _latencies.Enqueue(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (RpcException e) when (e.StatusCode != StatusCode.Cancelled)
        {
            Interlocked.Increment(ref _errors);
            Console.Error.WriteLine($"load-scaleout: Get {name} failed: {e.StatusCode} {e.Status.Detail}");
        }
        catch (RpcException) when (ct.IsCancellationRequested)
        {
        }
    }
}
