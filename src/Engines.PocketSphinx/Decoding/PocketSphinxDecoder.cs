using System.Globalization;
using System.Runtime.InteropServices;
using MedGrpc.Core.Media;
using MedGrpc.Core.Options;
using MedGrpc.Core.Ports;
using static MedGrpc.Engines.PocketSphinx.PocketSphinxNative;

namespace MedGrpc.Engines.PocketSphinx;

/// <summary>
/// One PocketSphinx decoder (not thread-safe: one job at a time). It splits the audio into
/// utterances with the decoder's own voice activity detection exactly as pocketsphinx_continuous
/// does, so results match the command-line tool on the same model.
/// </summary>
internal sealed unsafe class PocketSphinxDecoder : IDisposable
{
    private const int FramesPerSecond = 100;
    private const int SamplesPerFrame = PcmFormat.SampleRate / FramesPerSecond;
    // pocketsphinx_continuous reads 2048 samples at a time; VAD decisions depend on the chunking.
    public const int ReadSamples = 2048;
    private const int ChunkSamples = ReadSamples;

    private IntPtr _ps;
    private readonly IntPtr _logmath;
    private readonly CepstralMeanState _initialCmn;
    // A custom vocabulary's words and how the transcript writes them.
    private readonly Dictionary<string, string> _display = new(StringComparer.Ordinal);
    // The language models loaded, borrowed (the searches own them): see LanguageModels.
    private readonly List<IntPtr> _languageModels = [];

    /// <param name="vocabulary">
    /// A custom vocabulary to add for good: a decoder with a vocabulary serves that vocabulary's jobs only.
    /// </param>
    public PocketSphinxDecoder(PocketSphinxOptions model, RecognitionVocabulary? vocabulary = null)
    {
        var medical = model.MedicalModelPath;
        string[] args =
        [
            "-hmm", Path.Combine(model.ModelDir, "en-us"),
            "-lm", Path.Combine(model.ModelDir, "en-us.lm.bin"),
            // The medical dictionary is Debian's CMU dictionary plus the medical words.
            "-dict", model.DictionaryPath,
            "-logfn", "/dev/null",
            "-fwdflat", model.SecondPass ? "yes" : "no",
            .. SearchArguments(model),
        ];
        foreach (var file in new[] { args[1], args[3] })
            if (!Path.Exists(file))
                throw new FileNotFoundException($"PocketSphinx model file '{file}' is missing: install Debian's pocketsphinx-en-us (scripts/setup.sh does).", file);
        if (medical is not null)
            foreach (var file in new[] { args[5], Path.Combine(medical, MedicalLanguageModel) })
                if (!File.Exists(file))
                    throw new FileNotFoundException($"Medical model file '{file}' is missing: build it with scripts/build-medical-model.sh (scripts/setup.sh does), then rebuild the service.", file);

        var argv = args.Select(Marshal.StringToCoTaskMemUTF8).ToArray();
        try
        {
            var config = cmd_ln_parse_r(IntPtr.Zero, ps_args(), argv.Length, argv, 1);
            if (config == IntPtr.Zero) throw new InvalidOperationException("PocketSphinx rejected its configuration.");
            _ps = ps_init(config);
            cmd_ln_free_r(config); // the decoder keeps its own reference
            if (_ps == IntPtr.Zero) throw new InvalidOperationException($"PocketSphinx could not load the model in '{model.ModelDir}'.");
            _logmath = ps_get_logmath(_ps);
            var added = vocabulary is null ? [] : AddVocabulary(vocabulary);
            var general = ps_get_lm(_ps, DefaultSearch);
            _languageModels.Add(general);
            var medicalLm = medical is null ? IntPtr.Zero : ReadModel(Path.Combine(medical, MedicalLanguageModel));
            try
            {
                // Each model gets the new words as unigrams before any mix is made of them: sphinxbase
                // cannot add a word to an interpolated set (its unigram comes out at log zero and the
                // search breaks), while a mix built from models that know the word maps it like any other.
                foreach (var word in added)
                    foreach (var lm in new[] { general, medicalLm }.Where(lm => lm != IntPtr.Zero))
                        if (ngram_model_add_word(lm, word, (float)model.VocabularyWeight) < 0)
                            throw new InvalidOperationException($"PocketSphinx could not add the vocabulary word '{word}' to its language model.");
                if (medicalLm != IntPtr.Zero)
                {
                    UseMedicalModel(general, medicalLm, model.MedicalWeight);
                    // Not with a vocabulary: the general model's own search (DefaultSearch) was built before its words
                    // were added, and a vocabulary says what the recordings are about anyway.
                    if (model.RecordingModelChoice && vocabulary is null)
                    {
                        _recordingChoice = new RecordingModelChoice(general, medicalLm, _logmath, model.EverydaySpeechRatio);
                        _generalModelTool = model.AsGeneralModelTool();
                    }
                }
                else if (vocabulary is not null)
                {
                    // A new search over the same model, built with the new words.
                    Check(ps_set_lm(_ps, DefaultSearch, general), "ps_set_lm");
                    Check(ps_set_search(_ps, DefaultSearch), "ps_set_search");
                }
            }
            finally
            {
                // The reading's reference: the mix holds its own, and frees the model with the decoder.
                if (medicalLm != IntPtr.Zero) ngram_model_free(medicalLm);
            }
            _initialCmn = CepstralMeanState.Capture(CmnStruct);
            _mainSearch = Marshal.PtrToStringUTF8(ps_get_search(_ps)) ?? DefaultSearch;
            _phiNames = model.PhiNames;
            // The names grammar, the largest, is loaded on the first span that needs it (LoadedGrammar).
            if (model.PhiSecondPass)
                foreach (var kind in Enum.GetValues<PhiGrammarKind>().Where(k => k != PhiGrammarKind.Name))
                    Check(ps_set_jsgf_string(_ps, PhiGrammars.SearchName(kind), PhiGrammars.Jsgf(kind, word => Variants(word) > 0)), "ps_set_jsgf_string");
        }
        catch
        {
            Dispose(); // a decoder that failed to load frees what it had loaded
            throw;
        }
        finally
        {
            foreach (var arg in argv) Marshal.FreeCoTaskMem(arg);
        }
    }

    public const string MedicalLanguageModel = "medical.lm.bin";

    /// <summary>
    /// The beam and HMM bound of the options, then the free-form Arguments; an argument named in Arguments replaces the
    /// option's (PocketSphinx refuses a configuration that names an argument twice).
    /// </summary>
    private static IEnumerable<string> SearchArguments(PocketSphinxOptions model)
    {
        var extra = model.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var beam = model.Beam.ToString("R", CultureInfo.InvariantCulture);
        (string Name, string Value)[] options =
        [
            ("-beam", beam), ("-pbeam", beam),
            ("-maxhmmpf", model.MaxHmmsPerFrame.ToString(CultureInfo.InvariantCulture)),
        ];
        foreach (var (name, value) in options)
            if (!extra.Contains(name, StringComparer.Ordinal))
            {
                yield return name;
                yield return value;
            }
        foreach (var argument in extra) yield return argument;
    }

    /// <summary>The decoder's configuration, the model's feat.params included: what a front end of the same kind is made from.</summary>
    public IntPtr Config => ps_get_config(_ps);

    /// <summary>Live CMN's state before any audio: the model's initial mean.</summary>
    public CepstralMeanState InitialCmn => _initialCmn;

    private IntPtr CmnStruct => *(IntPtr*)(ps_get_feat(_ps) + FeatCmnStructOffset);

    private const string MedicalSearch = "medical";
    // Set when the medical model is mixed in (and no vocabulary added): whether a recording is everyday speech.
    private readonly RecordingModelChoice? _recordingChoice;

    /// <summary>
    /// True when a recording should be transcribed again with the general model alone: the medical model is mixed in,
    /// and the first pass's words are everyday speech, not medical (<see cref="RecordingModelChoice"/>).
    /// </summary>
    public bool IsEverydaySpeech(Recognition first) => MedicalToGeneralLogRatio(first) is { } ratio && IsEverydaySpeech(ratio);

    /// <summary>As <see cref="IsEverydaySpeech(Recognition)"/>, from the first pass's <see cref="MedicalToGeneralLogRatio"/>.</summary>
    public bool IsEverydaySpeech(double medicalToGeneralLogRatio) => _recordingChoice?.IsEverydaySpeech(medicalToGeneralLogRatio) ?? false;

    /// <summary>
    /// The mean natural log, a word, of the medical model's probability of the first pass's words over the general
    /// model's (<see cref="RecordingModelChoice.MeanLogRatio"/>); null without the choice or without words.
    /// </summary>
    public double? MedicalToGeneralLogRatio(Recognition first) =>
        _recordingChoice?.MeanLogRatio(first.Utterances.Select(u => u.Words.Select(w => w.Text).ToList()));

    /// <summary>Whether this decoder may transcribe a recording again with the general model (<see cref="IsEverydaySpeech"/>).</summary>
    public bool ChoosesModelPerRecording => _recordingChoice is not null;

    /// <summary>
    /// Recognizes a recording as <see cref="Recognize"/> does, with the general model alone, as pocketsphinx_continuous
    /// decodes with it (<see cref="PocketSphinxOptions.AsGeneralModelTool"/>): a decoder of its own, loaded on the first
    /// everyday recording and kept with this one. Should it fail, it is let go, so that the next recording loads it afresh.
    /// </summary>
    public Recognition RecognizeWithGeneralModel(Stream pcm, RecognitionOptions options, CancellationToken ct)
    {
        var tool = _generalModelTool ?? throw new InvalidOperationException("This decoder does not choose its model per recording.");
        try
        {
            _generalModel ??= new PocketSphinxDecoder(tool);
            return _generalModel.Recognize(pcm, options, progress: null, ct);
        }
        catch
        {
            _generalModel?.Dispose();
            _generalModel = null;
            throw;
        }
    }

    // Set with the choice per recording: the options of the general model's own decoder, and that decoder once loaded.
    private readonly PocketSphinxOptions? _generalModelTool;
    private PocketSphinxDecoder? _generalModel;

    /// <summary>
    /// Interpolates the general English model with the medical one (sphinxbase's ngram_model_set) and
    /// searches with the mix. Interpolating at load time is needed because Debian's sphinx_lm_convert
    /// cannot write the general model back out as ARPA (an assertion in its trie writer), so no
    /// offline toolkit can merge the two files.
    /// </summary>
    private void UseMedicalModel(IntPtr general, IntPtr medicalLm, double weight)
    {
        // No reference taken here: the set takes one of its own to each model it mixes. One taken for it stayed when
        // the decoder was freed, and kept the general model (about 44 MB) for good, once per decoder ever loaded.
        var names = new[] { Marshal.StringToCoTaskMemUTF8("general"), Marshal.StringToCoTaskMemUTF8(MedicalSearch) };
        try
        {
            var mix = ngram_model_set_init(ps_get_config(_ps), [general, medicalLm], names, [(float)(1 - weight), (float)weight], 2);
            if (mix == IntPtr.Zero) throw new InvalidOperationException("PocketSphinx could not interpolate the language models.");
            try
            {
                Check(ps_set_lm(_ps, MedicalSearch, mix), "ps_set_lm");
            }
            finally
            {
                ngram_model_free(mix); // the search holds its own reference
            }
            Check(ps_set_search(_ps, MedicalSearch), "ps_set_search");
        }
        finally
        {
            foreach (var name in names) Marshal.FreeCoTaskMem(name);
        }
    }

    /// <summary>
    /// The language models the decoder searches with: the general one and, mixed with it, the medical one, and the
    /// general model's own decoder's once loaded (<see cref="RecognizeWithGeneralModel"/>). Borrowed
    /// (no reference taken): for tests that check a freed decoder lets go of them.
    /// </summary>
    internal IReadOnlyList<IntPtr> LanguageModels() => [.. _languageModels, .. _generalModel?.LanguageModels() ?? []];

    private IntPtr ReadModel(string path)
    {
        var lm = ngram_model_read(ps_get_config(_ps), path, NgramAuto, _logmath);
        if (lm == IntPtr.Zero) throw new InvalidOperationException($"PocketSphinx could not read the language model '{path}'.");
        _languageModels.Add(lm);
        return lm;
    }

    /// <summary>
    /// Puts the vocabulary's words into the dictionary (a word the dictionary has gets the new
    /// pronunciations as variants) and remembers how each is written. Returns the words that are
    /// new, which the language models must learn too.
    /// </summary>
    private List<string> AddVocabulary(RecognitionVocabulary vocabulary)
    {
        var added = new List<string>();
        foreach (var phrase in vocabulary.Phrases)
        {
            var variant = Variants(phrase.Word);
            if (variant == 0) added.Add(phrase.Word);
            foreach (var phones in phrase.Pronunciations)
            {
                var word = variant == 0 ? phrase.Word : $"{phrase.Word}({variant + 1})";
                // No search update here: the searches are (re)built once the language models know the words.
                if (ps_add_word(_ps, word, phones, 0) < 0)
                    throw new InvalidOperationException($"PocketSphinx could not add the vocabulary word '{word}' /{phones}/.");
                variant++;
            }
            _display[phrase.Word] = phrase.Display;
        }
        return added;
    }

    /// <summary>How many pronunciations the dictionary has for the word: word, word(2), word(3)…</summary>
    private int Variants(string word)
    {
        var count = 0;
        while (true)
        {
            var phones = ps_lookup_word(_ps, count == 0 ? word : $"{word}({count + 1})");
            if (phones == IntPtr.Zero) return count;
            ckd_free(phones);
            count++;
        }
    }

    public Recognition Recognize(Stream pcm, RecognitionOptions options, IProgress<double>? progress, CancellationToken ct)
    {
        var utterances = new List<RecognizedUtterance>();
        var bytes = new byte[ChunkSamples * PcmFormat.BytesPerSample];
        var samples = new short[ChunkSamples];
        long samplesFed = 0;
        var inUtterance = false;
        var carry = 0; // a byte left over when a read ends mid-sample

        StartFresh();
        if (options.Carried is CepstralMeanState carried)
        {
            // A piece cut at an utterance boundary (UtteranceFollower): the noise estimate settled on the audio
            // before it, the cepstral mean the whole recording's decoder would carry into it.
            FeedFrontEnd(options.PrecedingAudio.Span);
            carried.RestoreInto(CmnStruct);
        }
        else if (!options.PrecedingAudio.IsEmpty) SettleCepstralMean(options.PrecedingAudio.Span);
        Check(ps_start_utt(_ps), "ps_start_utt");
        var open = true;
        try
        {
            while (true)
            {
                ct.ThrowIfCancellationRequested();
                var read = pcm.ReadAtLeast(bytes.AsSpan(carry), bytes.Length - carry, throwOnEndOfStream: false);
                var available = carry + read;
                var count = available / PcmFormat.BytesPerSample;
                if (count == 0) break;
                Buffer.BlockCopy(bytes, 0, samples, 0, count * PcmFormat.BytesPerSample);
                carry = available - count * PcmFormat.BytesPerSample;
                if (carry > 0) bytes[0] = bytes[available - 1];

                fixed (short* data = samples) Check(ps_process_raw(_ps, data, (nuint)count, 0, 0), "ps_process_raw");
                samplesFed += count;
                progress?.Report((double)samplesFed / PcmFormat.SampleRate);

                var inSpeech = ps_get_in_speech(_ps) != 0;
                if (inSpeech && !inUtterance)
                {
                    inUtterance = true;
                }
                else if (!inSpeech && inUtterance)
                {
                    open = false;
                    Check(ps_end_utt(_ps), "ps_end_utt");
                    AddUtterance(utterances, options);
                    Check(ps_start_utt(_ps), "ps_start_utt");
                    open = true;
                    inUtterance = false;
                }
                if (read == 0) break;
            }
            open = false;
            Check(ps_end_utt(_ps), "ps_end_utt");
        }
        finally
        {
            // A cancelled or failed recognition leaves no utterance open: the decoder goes back to the pool, and
            // PocketSphinx refuses to start the next job's utterance while one is open.
            if (open) ps_end_utt(_ps);
        }
        if (inUtterance) AddUtterance(utterances, options);
        return new Recognition(utterances);
    }

    /// <summary>
    /// Adapts the acoustic model to a speaker (or, with the identity transform, puts it back as loaded) until the next
    /// call: PocketSphinx re-reads the Gaussians from the model's files and transforms them.
    /// </summary>
    public void Transform(SpeakerTransform transform)
    {
        if (ps_update_mllr(_ps, ps_mllr_retain(transform.Handle)) == IntPtr.Zero)
            throw new InvalidOperationException("PocketSphinx could not apply a speaker transform.");
    }

    private const string ReadingSearch = "phi-reading";

    // The search the first pass uses (the medical mix, or the general model): grammar searches are switched back from.
    private readonly string _mainSearch = DefaultSearch;

    /// <summary>Live CMN's state now: after a recording's first pass, the mean its spans are re-decoded with.</summary>
    public CepstralMeanState CurrentCmn => CepstralMeanState.Capture(CmnStruct);

    /// <summary>
    /// Decodes a span of a recording already heard (PCM, [start, end) in bytes) on its own with a PHI grammar; gives
    /// its words (times in the recording). The front end's noise estimate settles on up to a second of the audio
    /// before the span, and live CMN starts from <paramref name="cmn"/>, so every decode of one span sees the same
    /// features. The first pass's search is active again afterwards.
    /// </summary>
    public SpanDecode DecodeSpan(byte[] audio, int start, int end, PhiGrammarKind grammar, CepstralMeanState cmn) =>
        DecodeSpan(audio, start, end, LoadedGrammar(grammar), cmn);

    private readonly int _phiNames;
    private bool _namesLoaded;

    /// <summary>
    /// The grammar's search name, the names grammar loaded first if it is not yet: its search over a thousand names
    /// and more would add to every decoder's load time, and most recordings hold no name cue.
    /// </summary>
    private string LoadedGrammar(PhiGrammarKind grammar)
    {
        var search = PhiGrammars.SearchName(grammar);
        if (grammar == PhiGrammarKind.Name && !_namesLoaded)
        {
            Check(ps_set_jsgf_string(_ps, search, PhiGrammars.Jsgf(grammar, word => Variants(word) > 0, _phiNames)), "ps_set_jsgf_string");
            _namesLoaded = true;
        }
        return search;
    }

    /// <summary>
    /// Aligns a reading of a span (words the dictionary has) to its audio, as <see cref="DecodeSpan(byte[], int, int, PhiGrammarKind, CepstralMeanState)"/>
    /// decodes it, with a grammar of exactly those words; the acoustic score of the path is how well the reading fits
    /// the audio. Readings are compared so, on one footing: a grammar's path scores carry its transition costs, and
    /// the language model's are kept in other units. Null when the words cannot be aligned (a word the dictionary lacks).
    /// </summary>
    public SpanDecode? AlignSpan(byte[] audio, int start, int end, IReadOnlyList<string> reading, CepstralMeanState cmn)
    {
        if (reading.Count == 0 || reading.Any(w => w.Any(c => !char.IsAsciiLetterLower(c) && c != '\'')))
            return null;
        if (ps_set_jsgf_string(_ps, ReadingSearch, $"#JSGF V1.0;\ngrammar reading;\npublic <reading> = {string.Join(' ', reading)};\n") < 0)
            return null;
        var aligned = DecodeSpan(audio, start, end, ReadingSearch, cmn);
        return aligned.Words.Count == reading.Count ? aligned : null;
    }

    private SpanDecode DecodeSpan(byte[] audio, int start, int end, string search, CepstralMeanState cmn)
    {
        Check(ps_set_search(_ps, search), "ps_set_search");
        var open = false;
        try
        {
            Check(ps_start_stream(_ps), "ps_start_stream");
            var preceding = Math.Max(0, start - PcmFormat.SampleRate * PcmFormat.BytesPerSample);
            FeedFrontEnd(audio.AsSpan(preceding, start - preceding));
            cmn.RestoreInto(CmnStruct);
            Check(ps_start_utt(_ps), "ps_start_utt");
            open = true;
            fixed (byte* bytes = audio)
                for (var at = start; at < end; at += ChunkSamples * PcmFormat.BytesPerSample)
                {
                    var count = Math.Min(ChunkSamples, (end - at) / PcmFormat.BytesPerSample);
                    Check(ps_process_raw(_ps, (short*)(bytes + at), (nuint)count, 0, 0), "ps_process_raw");
                }
            open = false;
            Check(ps_end_utt(_ps), "ps_end_utt");
            long acoustic = 0;
            for (var seg = ps_seg_iter(_ps); seg != IntPtr.Zero; seg = ps_seg_next(seg))
            {
                ps_seg_prob(seg, out var score, out _, out _);
                acoustic += score;
            }
            var offset = (double)start / PcmFormat.BytesPerSample / PcmFormat.SampleRate;
            var words = Words(ps_seg_iter(_ps), posteriors: false)
                .Select(w => w with { StartSeconds = w.StartSeconds + offset, EndSeconds = w.EndSeconds + offset })
                .ToList();
            return new SpanDecode(words, acoustic);
        }
        finally
        {
            if (open) ps_end_utt(_ps); // a failed decode leaves no utterance open for the decoder's next job
            _frameOffset = 0;
            Check(ps_set_search(_ps, _mainSearch), "ps_set_search");
        }
    }

    // A live stream's state between calls (one stream at a time, as one job at a time).
    private short[] _liveChunk = new short[ChunkSamples];
    private int _liveCount;
    private bool _liveInUtterance;
    private bool _liveOpen;

    /// <summary>Starts a live stream: fresh state, an utterance open for the voice detector to fill.</summary>
    public void StartLive()
    {
        StartFresh();
        Check(ps_start_utt(_ps), "ps_start_utt");
        _liveCount = 0;
        _liveInUtterance = false;
        _liveOpen = true;
    }

    /// <summary>A live stream cut short: its utterance is closed so that the decoder's next user starts cleanly.</summary>
    public void AbandonLive()
    {
        if (_liveOpen) ps_end_utt(_ps);
        _liveOpen = false;
    }

    /// <summary>
    /// The next samples of a live stream. They are fed in the batch decode's 2048-sample chunks, and utterances end
    /// where its voice detector ends them, so a stream's finals are the utterances a job of the same audio gets.
    /// </summary>
    public LiveUpdate AcceptLive(ReadOnlySpan<short> samples)
    {
        List<RecognizedUtterance>? ended = null;
        var stepped = false;
        while (samples.Length > 0)
        {
            var take = Math.Min(samples.Length, ChunkSamples - _liveCount);
            samples[..take].CopyTo(_liveChunk.AsSpan(_liveCount));
            _liveCount += take;
            samples = samples[take..];
            if (_liveCount < ChunkSamples) break;
            if (StepLive(_liveCount) is { } utterance) (ended ??= []).Add(utterance);
            _liveCount = 0;
            stepped = true;
        }
        if (!stepped) return LiveUpdate.None;
        return new LiveUpdate(ended ?? [], _liveInUtterance ? Words(ps_seg_iter(_ps), posteriors: false) : null);
    }

    /// <summary>The end of a live stream: what is left of the last chunk, then the open utterance ends.</summary>
    public LiveUpdate FinishLive()
    {
        var ended = new List<RecognizedUtterance>();
        if (_liveCount > 0 && StepLive(_liveCount) is { } utterance) ended.Add(utterance);
        _liveCount = 0;
        Check(ps_end_utt(_ps), "ps_end_utt");
        _liveOpen = false;
        if (_liveInUtterance && UtteranceOf(RecognitionOptions.BestOnly) is { } last) ended.Add(last);
        _liveInUtterance = false;
        return new LiveUpdate(ended, null);
    }

    private RecognizedUtterance? StepLive(int count)
    {
        fixed (short* data = _liveChunk) Check(ps_process_raw(_ps, data, (nuint)count, 0, 0), "ps_process_raw");
        var inSpeech = ps_get_in_speech(_ps) != 0;
        if (inSpeech && !_liveInUtterance) _liveInUtterance = true;
        else if (!inSpeech && _liveInUtterance)
        {
            Check(ps_end_utt(_ps), "ps_end_utt");
            var utterance = UtteranceOf(RecognitionOptions.BestOnly);
            Check(ps_start_utt(_ps), "ps_start_utt");
            _liveInUtterance = false;
            return utterance;
        }
        return null;
    }

    /// <summary>
    /// Forget the previous recording: live cepstral mean normalisation and the voice-activity noise
    /// estimate otherwise carry over from job to job, and a transcript would depend on the job
    /// the decoder ran before it.
    /// </summary>
    private void StartFresh()
    {
        _initialCmn.RestoreInto(CmnStruct);
        _frameOffset = 0;
        Check(ps_start_stream(_ps), "ps_start_stream");
    }

    // Frames the front end counted for the audio before a piece: word times count from the piece's start.
    private int _frameOffset;
    private const int CepstraPerCall = 256;

    /// <summary>
    /// A piece of a longer recording cut at a pause (no utterance boundary in range) starts where the decoder would
    /// have been had it decoded the recording whole, as near as features alone can bring it: the audio just before the piece goes through the decoder's own
    /// front end (its noise estimate adapts as it would have), and live CMN is set to the mean of the speech frames
    /// it yields, as after an utterance. Without it a piece's first utterances are decoded with the model's initial
    /// mean (measured on a 4.7-minute recording cut into pieces: 12.6 % WER whole, 15.3 % in pieces without, 14.6 % with).
    /// Features only, no search: a few milliseconds a piece.
    /// </summary>
    private void SettleCepstralMean(ReadOnlySpan<byte> preceding)
    {
        var (sum, frames) = FeedFrontEnd(preceding);
        if (frames == 0) return; // no speech before the piece: the model's initial mean, as at a recording's start
        var mean = sum.Select(s => (float)(s / frames)).ToArray();
        fixed (float* values = mean) cmn_live_set(CmnStruct, values);
    }

    /// <summary>
    /// The audio before a piece through the decoder's own front end (its noise estimate adapts as it would have);
    /// returns the sum and count of the speech frames it yields. Word times still count from the piece's start.
    /// </summary>
    private (double[] Sum, int Frames) FeedFrontEnd(ReadOnlySpan<byte> preceding)
    {
        var frontEnd = ps_get_fe(_ps);
        var width = fe_get_output_size(frontEnd);
        var sum = new double[width];
        var frames = 0;
        var cepstra = fe_create_2d(CepstraPerCall, width, sizeof(float));
        try
        {
            Check(fe_start_utt(frontEnd), "fe_start_utt");
            fixed (byte* bytes = preceding)
            {
                var samples = (short*)bytes;
                var left = (nuint)(preceding.Length / PcmFormat.BytesPerSample);
                while (left > 0)
                {
                    var before = left;
                    var count = CepstraPerCall;
                    Check(fe_process_frames(frontEnd, &samples, &left, cepstra, &count, null), "fe_process_frames");
                    Add(cepstra, count, width, sum);
                    frames += count;
                    if (left == before && count == 0) break;
                }
            }
            var last = 0;
            Check(fe_end_utt(frontEnd, *(float**)cepstra, &last), "fe_end_utt");
            Add(cepstra, last, width, sum);
            frames += last;
        }
        finally
        {
            fe_free_2d(cepstra);
        }
        // The front end counts frames from the start of the stream, the audio before the piece included.
        _frameOffset = preceding.Length / PcmFormat.BytesPerSample / SamplesPerFrame;
        return (sum, frames);
    }

    private static void Add(IntPtr cepstra, int frames, int width, double[] sum)
    {
        for (var f = 0; f < frames; f++)
        {
            var row = ((float**)cepstra)[f];
            for (var c = 0; c < width; c++) sum[c] += row[c];
        }
    }

    // Segment frames count from the start of the stream (ps_start_stream), silence included,
    // so they are times in the audio as they stand.
    private void AddUtterance(List<RecognizedUtterance> utterances, RecognitionOptions options)
    {
        if (UtteranceOf(options) is { } utterance) utterances.Add(utterance);
    }

    /// <summary>The utterance just ended, or null when it held no word.</summary>
    private RecognizedUtterance? UtteranceOf(RecognitionOptions options)
    {
        var words = Words(ps_seg_iter(_ps), posteriors: true);
        if (words.Count == 0) return null;
        return new RecognizedUtterance(words)
        {
            Alternatives = options.MaxAlternatives > 1 ? Alternatives(words, options.MaxAlternatives - 1) : [],
        };
    }

    /// <summary>The words of a segmentation, fillers left out; the iterator is used up (and so freed).</summary>
    private List<RecognizedWord> Words(IntPtr seg, bool posteriors)
    {
        var words = new List<RecognizedWord>();
        for (; seg != IntPtr.Zero; seg = ps_seg_next(seg))
        {
            var word = Marshal.PtrToStringUTF8(ps_seg_word(seg));
            if (word is null || IsFiller(word)) continue;
            ps_seg_frames(seg, out var sf, out var ef);
            sf -= _frameOffset;
            ef -= _frameOffset;
            // Word posteriors exist for the best path only; alternatives are scored as wholes.
            var confidence = posteriors ? Math.Clamp(logmath_exp(_logmath, ps_seg_prob(seg, out _, out _, out _)), 0.0, 1.0) : 0.0;
            var text = StripVariant(word);
            words.Add(new RecognizedWord(_display.GetValueOrDefault(text, text), (double)sf / FramesPerSecond, (double)(ef + 1) / FramesPerSecond, confidence));
        }
        return words;
    }

    // The A* search over the lattice can yield many paths that differ only in fillers or
    // pronunciation variants; stop after this many to bound the time spent per utterance.
    private const int MaxNbestSteps = 100;

    /// <summary>
    /// Up to <paramref name="count"/> hypotheses from the utterance's N-best list whose words differ
    /// from the best path and from each other. Each gets a confidence: its probability relative to
    /// the others listed, from the path scores.
    /// </summary>
    private IReadOnlyList<RecognizedHypothesis> Alternatives(List<RecognizedWord> best, int count)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { Text(best) };
        var found = new List<(List<RecognizedWord> Words, int Score)>();
        int? bestScore = null;
        var nbest = ps_nbest(_ps);
        for (var steps = 0; nbest != IntPtr.Zero && found.Count < count && steps < MaxNbestSteps; steps++)
        {
            ps_nbest_hyp(nbest, out var score);
            bestScore ??= score;
            var words = Words(ps_nbest_seg(nbest), posteriors: false);
            if (words.Count > 0 && seen.Add(Text(words))) found.Add((words, score));
            nbest = ps_nbest_next(nbest);
        }
        if (nbest != IntPtr.Zero) ps_nbest_free(nbest);
        if (found.Count == 0) return [];

        // Relative probabilities against the top path of the list (which scores like the best one).
        var weights = found.Select(f => logmath_exp(_logmath, f.Score - bestScore!.Value)).ToList();
        var total = 1.0 + weights.Sum();
        return found.Select((f, i) => new RecognizedHypothesis(f.Words, weights[i] / total)).ToList();
    }

    private static string Text(IEnumerable<RecognizedWord> words) => string.Join(' ', words.Select(w => w.Text));

    // <s>, </s>, <sil>, [NOISE], ++BREATH++ and the like mark non-speech, not words; a grammar's search also yields
    // "(NULL)" for its empty transitions.
    internal static bool IsFiller(string word) => word.Length == 0 || word[0] is '<' or '[' or '+' or '(';

    // Alternative pronunciations come as "word(2)".
    private static string StripVariant(string word)
    {
        var paren = word.IndexOf('(');
        return paren > 0 && word.EndsWith(')') ? word[..paren] : word;
    }

    private static void Check(int result, string function)
    {
        if (result < 0) throw new InvalidOperationException($"PocketSphinx {function} failed ({result}).");
    }

    public void Dispose()
    {
        _generalModel?.Dispose();
        _generalModel = null;
        if (_ps == IntPtr.Zero) return;
        ps_free(_ps);
        _ps = IntPtr.Zero;
    }
}
