using MedGrpc.Core.Ports;

namespace MedGrpc.Service.Health;

/// <summary>
/// Loads the engine's model at start, in the background: the service answers at once, and the
/// health service says NOT_SERVING until the model is loaded (or says why it couldn't be).
/// </summary>
public sealed class EngineReadiness(ITranscriptionEngine engine, ILogger<EngineReadiness> log) : BackgroundService
{
    private readonly TaskCompletionSource _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the model is loaded; faults with the reason it couldn't be.</summary>
    public Task Loaded => _loaded.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            await engine.WarmUpAsync(stoppingToken);
            log.LogInformation("Speech engine ready in {ElapsedMs} ms", started.ElapsedMilliseconds);
            _loaded.TrySetResult();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            _loaded.TrySetCanceled(stoppingToken);
        }
        catch (Exception e)
        {
            log.LogError(e, "The speech engine's model could not be loaded");
            _loaded.TrySetException(e);
        }
    }
}
