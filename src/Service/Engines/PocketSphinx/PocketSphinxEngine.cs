using System.Collections.Concurrent;
using MedGrpc.Service.Options;
using Microsoft.Extensions.Options;

namespace MedGrpc.Service.Engines.PocketSphinx;

/// <summary>
/// The offline engine: Debian's PocketSphinx with its en-US models. Each decoder loads the model
/// once and is reused; there are never more decoders than jobs running at once.
/// </summary>
public sealed class PocketSphinxEngine(IOptions<MedGrpcOptions> options, ILogger<PocketSphinxEngine> log)
    : ITranscriptionEngine, IDisposable
{
    private readonly ConcurrentBag<PocketSphinxDecoder> _idle = [];
    private readonly PocketSphinxOptions _model = options.Value.PocketSphinx;

    public Task<Recognition> RecognizeAsync(Stream pcm, RecognitionOptions options, IProgress<double>? progress, CancellationToken ct) =>
        Task.Factory.StartNew(() =>
        {
            WorkerThreadPriority.LowerCurrentThread(); // a LongRunning task has a thread of its own
            var decoder = Rent();
            try
            {
                return decoder.Recognize(pcm, options, progress, ct);
            }
            finally
            {
                _idle.Add(decoder);
            }
        }, ct, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private PocketSphinxDecoder Rent()
    {
        if (_idle.TryTake(out var decoder)) return decoder;
        var started = System.Diagnostics.Stopwatch.StartNew();
        decoder = new PocketSphinxDecoder(_model);
        log.LogInformation("Loaded a PocketSphinx decoder from {ModelDir} with medical model {MedicalModelDir} in {ElapsedMs} ms",
            _model.ModelDir, _model.MedicalModelPath ?? "(none)", started.ElapsedMilliseconds);
        return decoder;
    }

    public void Dispose()
    {
        while (_idle.TryTake(out var decoder)) decoder.Dispose();
    }
}
