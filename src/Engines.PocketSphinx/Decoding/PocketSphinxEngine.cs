using MedGrpc.Core.Engines;
using MedGrpc.Core.Media;
using MedGrpc.Core.Ports;
using Microsoft.Extensions.Options;

namespace MedGrpc.Engines.PocketSphinx;

/// <summary>
/// The offline engine: Debian's PocketSphinx with its en-US models. Each decoder loads the model
/// once and is reused; there are never more busy decoders than the DecoderPool leases (MedGrpc:Decoders). A custom
/// vocabulary changes a decoder for good, so decoders are kept apart by vocabulary version: the
/// plain ones serve jobs without a vocabulary, and a few idle decoders of recent vocabularies wait
/// for that vocabulary's next job. A decoder left idle for IdleDecoderSeconds is unloaded, all but the most recently
/// used plain one: a burst of streams or vocabulary jobs loads decoders (about 100 MB each) that would otherwise stay
/// loaded for good.
/// </summary>
public sealed class PocketSphinxEngine : ITranscriptionEngine, IDisposable
{
    private const string Plain = "";
    private readonly PocketSphinxOptions _model;
    private readonly ILogger<PocketSphinxEngine> _log;
    private readonly TimeProvider _clock;
    private readonly ITimer? _unloading;
    private readonly Lock _gate = new();
    // Idle decoders by vocabulary key, the most recently returned last, with when each was returned.
    private readonly List<(string Key, PocketSphinxDecoder Decoder, long IdleSince)> _idle = [];
    private int _loaded;
    private readonly SpeakerAdaptation? _adaptation;
    private readonly PhiSecondPass? _phiPass;
    // What a front end like the decoders' is made from (their configuration, held), and live CMN's initial state:
    // taken from the first decoder loaded. Every decoder has the same, whatever its vocabulary.
    private IntPtr _frontEndConfig;
    private CepstralMeanState? _initialCmn;

    public PocketSphinxEngine(IOptions<PocketSphinxOptions> options, ILogger<PocketSphinxEngine> log, TimeProvider? clock = null)
    {
        _model = options.Value;
        _log = log;
        _clock = clock ?? TimeProvider.System;
        GlibcHeap.FixMmapThreshold(); // before the first decoder loads, so that unloading one gives its memory back
        _adaptation = _model.SpeakerAdaptation ? new SpeakerAdaptation(_model, log) : null;
        _phiPass = _model.PhiSecondPass ? new PhiSecondPass(_model, log) : null;
        if (_model.IdleDecoderSeconds > 0)
        {
            // Looked at four times per idle period: a decoder goes at most a quarter period late.
            var every = TimeSpan.FromSeconds(Math.Max(1, _model.IdleDecoderSeconds / 4.0));
            _unloading = _clock.CreateTimer(_ => UnloadIdleDecoders(), null, every, every);
        }
    }

    /// <summary>Decoders loaded now, busy or idle.</summary>
    internal int LoadedDecoders => Volatile.Read(ref _loaded);

    public Task<Recognition> RecognizeAsync(Stream pcm, RecognitionOptions options, IProgress<double>? progress, CancellationToken ct) =>
        Task.Factory.StartNew(() =>
        {
            WorkerThreadPriority.LowerCurrentThread(); // a LongRunning task has a thread of its own
            var key = options.Vocabulary?.Key ?? Plain;
            var cpuAtStart = ThreadCpuTime.Seconds();
            var decoder = Rent(key, options.Vocabulary);
            try
            {
                // Everyday speech is heard again with the general model, and the PHI second pass re-hears spans of the
                // recording: both keep what the first pass reads (KeptAudio).
                var kept = _phiPass is null && !decoder.ChoosesModelPerRecording ? null : new KeptAudio(pcm);
                var input = kept ?? pcm;
                var recognition = _adaptation is null
                    ? decoder.Recognize(input, options, progress, ct)
                    : _adaptation.Recognize(decoder, input, options, progress, ct);
                var audio = kept?.TakeAudio();
                if (kept is not null && audio is null)
                    _log.LogInformation("Second passes skipped: the recording is longer than {MaxMinutes} minutes", KeptAudio.MaxMinutes);
                // Scored once: the Debug line and the choice read the same ratio.
                var ratio = audio is null ? null : decoder.MedicalToGeneralLogRatio(recognition);
                if (ratio is not null && _log.IsEnabled(LogLevel.Debug))
                    _log.LogDebug("First pass: medical over general model {LogRatio:F2} nats a word ({Words} words)",
                        ratio, recognition.Words.Count());
                if (audio is not null && ratio is { } r && decoder.IsEverydaySpeech(r))
                {
                    _log.LogInformation("Everyday speech, not medical, by its first pass ({Words} words): transcribed again with the general model alone",
                        recognition.Words.Count());
                    recognition = HearAgainWithGeneralModel(decoder, audio, options, recognition, ct);
                }
                if (audio is not null && _phiPass is not null) recognition = _phiPass.Recognize(decoder, audio, recognition, ct);
                return recognition with { CpuSeconds = ThreadCpuTime.Seconds() - cpuAtStart };
            }
            finally
            {
                Return(key, decoder);
            }
        }, ct, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>
    /// Everyday speech heard again by the general model's own decoder. A second reading never fails a job: should that
    /// decoder fail to load or to decode, the first pass stands, with a warning.
    /// </summary>
    private Recognition HearAgainWithGeneralModel(PocketSphinxDecoder decoder, byte[] audio, RecognitionOptions options, Recognition first, CancellationToken ct)
    {
        Recognition again;
        try
        {
            again = decoder.RecognizeWithGeneralModel(new MemoryStream(audio, writable: false), options, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _log.LogWarning(e, "Everyday speech keeps its first pass: the general model's decoder failed");
            return first;
        }
        if (_log.IsEnabled(LogLevel.Debug))
            _log.LogDebug("General model's reading: medical over general model {LogRatio:F2} nats a word ({Words} words)",
                decoder.MedicalToGeneralLogRatio(again), again.Words.Count());
        return again;
    }

    /// <summary>A live stream's recognizer: a decoder rented for the whole stream, returned when it is disposed.</summary>
    public ILiveRecognizer StartLive(RecognitionOptions options)
    {
        var key = options.Vocabulary?.Key ?? Plain;
        var decoder = Rent(key, options.Vocabulary);
        try
        {
            decoder.StartLive();
        }
        catch
        {
            Return(key, decoder);
            throw;
        }
        return new LiveRecognizer(decoder, () => Return(key, decoder));
    }

    /// <summary>Hands a live stream's calls to its decoder; the decoder goes back to the engine once, on dispose.</summary>
    private sealed class LiveRecognizer(PocketSphinxDecoder decoder, Action giveBack) : ILiveRecognizer
    {
        private int _disposed;

        public LiveUpdate Accept(ReadOnlySpan<short> samples) => decoder.AcceptLive(samples);

        public LiveUpdate Finish() => decoder.FinishLive();

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
            decoder.AbandonLive();
            giveBack();
        }
    }

    /// <summary>
    /// Follows a recording with a front end like the decoders' so that it is cut where a decoder hearing it whole
    /// would start a new utterance anyway (<see cref="UtteranceFollower"/>). Loads a decoder first if none has been.
    /// </summary>
    public IUtteranceBoundaries FollowUtterances()
    {
        lock (_gate)
            if (_initialCmn is not null) return new UtteranceFollower(_frontEndConfig, _initialCmn);
        Return(Plain, Rent(Plain, null));
        lock (_gate) return new UtteranceFollower(_frontEndConfig, _initialCmn!);
    }

    /// <summary>Loads one plain decoder and keeps it idle for the first job.</summary>
    public Task WarmUpAsync(CancellationToken ct) =>
        Task.Factory.StartNew(() => Return(Plain, Rent(Plain, null)), ct, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private PocketSphinxDecoder Rent(string key, RecognitionVocabulary? vocabulary)
    {
        lock (_gate)
        {
            var index = _idle.FindLastIndex(d => d.Key == key);
            if (index >= 0)
            {
                var idle = _idle[index].Decoder;
                _idle.RemoveAt(index);
                return idle;
            }
        }
        var started = System.Diagnostics.Stopwatch.StartNew();
        var decoder = new PocketSphinxDecoder(_model, vocabulary);
        Interlocked.Increment(ref _loaded);
        lock (_gate)
            if (_initialCmn is null)
            {
                _frontEndConfig = PocketSphinxNative.cmd_ln_retain(decoder.Config);
                _initialCmn = decoder.InitialCmn;
            }
        _log.LogInformation("Loaded a PocketSphinx decoder from {ModelDir} with medical model {MedicalModelDir} and vocabulary {VocabularyKey} ({PhraseCount} phrases) in {ElapsedMs} ms; {LoadedDecoders} loaded",
            _model.ModelDir, _model.MedicalModelPath ?? "(none)", vocabulary?.Key ?? "(none)", vocabulary?.Phrases.Count ?? 0, started.ElapsedMilliseconds, LoadedDecoders);
        return decoder;
    }

    private void Return(string key, PocketSphinxDecoder decoder)
    {
        PocketSphinxDecoder? evicted = null;
        lock (_gate)
        {
            _idle.Add((key, decoder, _clock.GetTimestamp()));
            var vocabularyKeys = _idle.Where(d => d.Key != Plain).Select(d => d.Key).Distinct().ToList();
            if (vocabularyKeys.Count > _model.IdleVocabularyDecoders)
            {
                // The vocabulary used longest ago gives up its decoder; plain decoders are never evicted.
                var oldest = _idle.FindIndex(d => d.Key == vocabularyKeys[0]);
                evicted = _idle[oldest].Decoder;
                _idle.RemoveAt(oldest);
            }
        }
        if (evicted is not null) Unload([evicted]);
    }

    /// <summary>
    /// Unloads the decoders idle for IdleDecoderSeconds or longer, except the most recently used plain one (the next
    /// job or stream starts without loading). Called by the engine's timer.
    /// </summary>
    internal void UnloadIdleDecoders()
    {
        List<PocketSphinxDecoder> unloaded = [];
        lock (_gate)
        {
            var now = _clock.GetTimestamp();
            var keep = _idle.FindLastIndex(d => d.Key == Plain);
            for (var i = _idle.Count - 1; i >= 0; i--)
            {
                if (i == keep || _clock.GetElapsedTime(_idle[i].IdleSince, now).TotalSeconds < _model.IdleDecoderSeconds) continue;
                unloaded.Add(_idle[i].Decoder);
                _idle.RemoveAt(i);
            }
        }
        if (unloaded.Count == 0) return;
        Unload(unloaded);
        _log.LogInformation("Unloaded {UnloadedDecoders} PocketSphinx decoders idle for {IdleDecoderSeconds} s or more; {LoadedDecoders} loaded",
            unloaded.Count, _model.IdleDecoderSeconds, LoadedDecoders);
    }

    private void Unload(List<PocketSphinxDecoder> decoders)
    {
        foreach (var decoder in decoders)
        {
            decoder.Dispose();
            Interlocked.Decrement(ref _loaded);
        }
        // glibc keeps what a decoder freed in its arenas until trimmed; only then does the resident memory go down.
        GlibcHeap.Trim();
    }

    public void Dispose()
    {
        _unloading?.Dispose();
        lock (_gate)
        {
            foreach (var (_, decoder, _) in _idle) decoder.Dispose();
            _idle.Clear();
            if (_frontEndConfig != IntPtr.Zero) PocketSphinxNative.cmd_ln_free_r(_frontEndConfig);
            _frontEndConfig = IntPtr.Zero;
        }
        _adaptation?.Dispose();
    }
}
