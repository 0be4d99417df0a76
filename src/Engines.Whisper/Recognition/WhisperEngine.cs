using System.Diagnostics;
using MedGrpc.Core.Engines;
using MedGrpc.Core.Media;
using MedGrpc.Core.Options;
using MedGrpc.Core.Ports;
using Microsoft.Extensions.Options;
using Whisper.net.LibraryLoader;
using Whisper.net.Logger;
using Whisper.net;

namespace MedGrpc.Engines.Whisper;

/// <summary>
/// The accuracy-first engine: OpenAI's Whisper through Whisper.net and its native whisper.cpp runtime
/// (the CPU one here; Whisper.net.Runtime.Cuda on GPU hosts). The model is loaded once, when the
/// service starts, and shared by every job; each job gets a processor of its own (its prompt is its
/// vocabulary's) and a fresh decoder state, so no job sees another's audio.
/// </summary>
public sealed class WhisperEngine : ITranscriptionEngine, IDisposable
{
    private readonly WhisperOptions _options;
    private readonly int _threads;
    private readonly WhisperFactory _factory;
    private readonly IDisposable _nativeLog;
    private readonly ILogger<WhisperEngine> _log;
    // whisper.cpp's errors while a model loads: why a file is not a model, for the start-up message.
    private readonly List<string> _loadErrors = [];

    /// <exception cref="FileNotFoundException">The model file is missing: the message names it and the download command.</exception>
    /// <exception cref="InvalidOperationException">The file is there but whisper.cpp cannot load it.</exception>
    public WhisperEngine(IOptions<MedGrpcOptions> options, IOptions<WhisperOptions> whisper, ILogger<WhisperEngine> log)
    {
        _options = whisper.Value;
        _log = log;
        _threads = _options.Threads > 0 ? _options.Threads : Math.Max(1, Environment.ProcessorCount / options.Value.EffectiveDecoders);
        var path = _options.ModelFullPath;
        WhisperModelFile.RequireExists(path);

        _nativeLog = LogProvider.AddLogger(OnNativeLog);
        var started = Stopwatch.StartNew();
        _factory = WhisperFactory.FromPath(path, new WhisperFactoryOptions { UseGpu = _options.UseGpu });
        try
        {
            // Whisper.net loads the model with the first processor: load it now, so a bad file stops the start.
            using var probe = Builder(prompt: null).Build();
        }
        catch (WhisperModelLoadException e)
        {
            Dispose();
            string reasons;
            lock (_loadErrors) reasons = string.Join(" ", _loadErrors);
            throw new InvalidOperationException(
                $"whisper.cpp could not load the Whisper model '{path}' ({reasons.Trim()}): it is not a whisper.cpp ggml model, or it is damaged. " +
                $"Download it again with: {WhisperModelFile.DownloadCommand(path)}", e);
        }
        lock (_loadErrors) _loadErrors.Clear();
        log.LogInformation("Loaded the Whisper model {ModelPath} on the {WhisperRuntime} runtime in {ElapsedMs} ms; {Threads} threads per job, beam size {BeamSize}",
            path, RuntimeOptions.LoadedLibrary?.ToString() ?? "unknown", started.ElapsedMilliseconds, _threads, _options.BeamSize);
    }

    /// <summary>A job's pieces are Whisper's windows: at most 30 s, cut at pauses.</summary>
    public ChunkLengths Chunking => ChunkLengths.Whisper;

    public Task<Recognition> RecognizeAsync(Stream pcm, RecognitionOptions options, IProgress<double>? progress, CancellationToken ct) =>
        Task.Factory.StartNew(() =>
        {
            // whisper.cpp's own threads are made from this one and so inherit its lower priority.
            WorkerThreadPriority.LowerCurrentThread();
            return Recognize(pcm, options, progress, ct);
        }, ct, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private Recognition Recognize(Stream pcm, RecognitionOptions options, IProgress<double>? progress, CancellationToken ct)
    {
        var (prompt, used) = VocabularyPrompt.For(options.Vocabulary);
        if (options.Vocabulary is { } vocabulary)
            _log.LogInformation("Vocabulary {VocabularyKey} becomes the Whisper prompt: {PromptPhrases} of its {PhraseCount} phrases",
                vocabulary.Key, used, vocabulary.Phrases.Count);

        // Whisper reads 30-second windows: the audio is cut at pauses into windows of at most that (the same
        // cut a job's pieces get), so no word is split at a window's edge and a long file is never held whole.
        var windows = new PauseChunker(pcm, ChunkLengths.Whisper);
        var utterances = new List<RecognizedUtterance>();
        var offset = 0.0;
        var windowLength = 0.0;
        // Progress within a window comes from whisper.cpp, in percent of the window.
        var processor = Builder(prompt)
            .WithProgressHandler(percent => progress?.Report(offset + windowLength * percent / 100.0))
            .Build();
        try
        {
            // Blocking reads: this is the engine's own (lower priority) thread, as whisper.cpp's calls below are.
            while (windows.NextAsync(ct).AsTask().GetAwaiter().GetResult() is { } window)
            {
                using (window)
                {
                    offset = window.StartSeconds;
                    windowLength = window.DurationSeconds;
                    var samples = PcmSamples.ToFloats(window.Bytes);
                    // Blocking on the segments keeps whisper.cpp's work on this (lower priority) thread's children.
                    foreach (var segment in processor.ProcessAsync(samples, ct).ToBlockingEnumerable(ct))
                        if (WhisperSegmentWords.ToUtterance(segment, offset, windowLength) is { } utterance)
                            utterances.Add(utterance);
                }
                progress?.Report(offset + windowLength);
            }
            return new Recognition(utterances);
        }
        finally
        {
            // A cancelled job leaves whisper.cpp stopping at its next step: the asynchronous dispose waits for it
            // (the plain one would throw, and the job would fail instead of being handed back).
            processor.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private WhisperProcessorBuilder Builder(string? prompt)
    {
        var builder = _factory.CreateBuilder()
            .WithLanguage(_options.Language)
            .WithThreads(_threads)
            // Word times come from token timestamps; word confidences from token probabilities.
            .WithTokenTimestamps()
            .WithProbabilities()
            // Each job stands alone: no text carried over from a previous call.
            .WithNoContext();
        if (_options.BeamSize > 1) builder = builder.WithBeamSearchSamplingStrategy(beam => beam.WithBeamSize(_options.BeamSize));
        else builder = builder.WithGreedySamplingStrategy();
        if (prompt is not null) builder = builder.WithPrompt(prompt);
        return builder;
    }

    private void OnNativeLog(WhisperLogLevel level, string? message)
    {
        var text = message?.Trim();
        if (string.IsNullOrEmpty(text)) return;
        switch (level)
        {
            case WhisperLogLevel.Error:
                lock (_loadErrors) if (_loadErrors.Count < 20) _loadErrors.Add(text);
                _log.LogError("whisper.cpp: {WhisperMessage}", text);
                break;
            case WhisperLogLevel.Warning:
                _log.LogWarning("whisper.cpp: {WhisperMessage}", text);
                break;
            default:
                _log.LogDebug("whisper.cpp: {WhisperMessage}", text);
                break;
        }
    }

    public void Dispose()
    {
        _factory?.Dispose();
        _nativeLog?.Dispose();
    }
}
