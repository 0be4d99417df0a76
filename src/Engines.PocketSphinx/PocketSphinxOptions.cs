namespace MedGrpc.Engines.PocketSphinx;

/// <summary>The "MedGrpc:PocketSphinx" section: the PocketSphinx engine (MedGrpc:Engine = pocketsphinx) and its models.</summary>
public sealed class PocketSphinxOptions
{
    public const string Section = "MedGrpc:PocketSphinx";

    /// <summary>Folder of Debian's pocketsphinx-en-us model: the acoustic model and the general English language model.</summary>
    public string ModelDir { get; set; } = "/usr/share/pocketsphinx/model/en-us";

    /// <summary>
    /// Folder of the medical language model and dictionary that scripts/build-medical-model.sh builds
    /// (copied beside the service at build time); relative paths are from the service's own folder.
    /// Empty: general English only.
    /// </summary>
    public string MedicalModelDir { get; set; } = "models/medical";

    /// <summary>
    /// The medical model's share when it is interpolated with the general one (0–1). sphinxbase mixes the two
    /// models after raising each one's probabilities to the language weight (-lw, 6.5), so a share acts on a log
    /// scale: the mix is close to the larger of the two models, and the medical model's n-gram wins where it is
    /// more than ((1 - share) / share)^(1/lw) times the general model's. 0.8, 0.5 and 0.3 decode alike; 0.002 (about 2.6 times)
    /// keeps every dictation gain and lets fewer of the medical dialogue's n-grams pull ordinary words of real speech
    /// towards them; conversations pay for it (docs/medical-model.md).
    /// </summary>
    public double MedicalWeight { get; set; } = 0.002;

    /// <summary>
    /// A recording whose first pass is everyday speech rather than medical (<see cref="EverydaySpeechRatio"/>) is
    /// transcribed again with the general model alone: the mix pulls everyday words towards the medical text's. Only with
    /// the medical model and without a custom vocabulary; batch jobs only (a live stream keeps the mix). Costs a second
    /// decode of such recordings only, by a decoder of the general model's own (<see cref="AsGeneralModelTool"/>, about
    /// 100 MB, loaded on the first such recording) (docs/medical-model.md, "Choosing the model per recording").
    /// </summary>
    public bool RecordingModelChoice { get; set; } = true;

    /// <summary>
    /// With RecordingModelChoice: a recording is everyday speech when the general model rates its first pass's words (each
    /// after the two before it) more than this many times likelier, on average a word, than the medical model does.
    /// </summary>
    public double EverydaySpeechRatio { get; set; } = 3;

    /// <summary>
    /// PocketSphinx's second, flat-lexicon search pass (-fwdflat). Off by default: with the medical model it
    /// costs about a tenth of the decoding time and, measured on the development set, gains no accuracy.
    /// </summary>
    public bool SecondPass { get; set; }

    /// <summary>
    /// Speaker adaptation per job: recognise, estimate a speaker transform (MLLR) from the first pass with sphinxtrain's
    /// bw and mllr_solve, recognise again with it (docs/engines.md, "Speaker adaptation"). Off by default: it roughly
    /// doubles the CPU a job costs. A failure falls back to the first pass with a warning.
    /// </summary>
    public bool SpeakerAdaptation { get; set; }

    /// <summary>
    /// A second, constrained pass over the audio right after a PHI cue ("phone number", "date of birth", "spelled"…):
    /// the span the cue announces is decoded again with a grammar of digits, letters or dates, and its words replace
    /// the first pass's when the grammar fits the audio nearly as well (docs/formatting-and-phi.md, "The PHI second pass").
    /// Batch jobs only; live streams keep the first pass. On by default: on the tune PHI set it finds 3 more of 70 spans
    /// end to end and leaves the dictation tuning half's transcripts as they were.
    /// </summary>
    public bool PhiSecondPass { get; set; } = true;

    /// <summary>
    /// How far the grammar's reading of a span may fit its audio worse than the first pass's reading and still replace
    /// it: acoustic log-likelihood a frame, in the search's units (about 0.1 nat; a frame is 10 ms). Chosen on the tune
    /// PHI set (docs/formatting-and-phi.md).
    /// </summary>
    public double PhiSecondPassMargin { get; set; } = 2;

    /// <summary>
    /// How many of the 1990 US Census's commonest surnames, and as many first names, the second pass's names grammar
    /// holds (read after a title or a name cue: "doctor", "nurse", "my name is"…, and only where the first pass wrote no
    /// name there). 0: no names grammar. Loaded on the first span that needs it, so a decoder loads as fast without it.
    /// </summary>
    public int PhiNames { get; set; } = 1000;

    /// <summary>
    /// As <see cref="PhiSecondPassMargin"/>, for the names grammar: a name replaces the first pass's word(s) after a name
    /// cue only when its reading fits the audio at most this much worse (negative: that much better). Stricter than the
    /// other grammars', for a name is a word like any other and hundreds of them fit a short stretch of speech. -1: on the
    /// tune PHI set the right names fitted 5.2 and 7.6 a frame better, the nearest wrong one 0.2 worse.
    /// </summary>
    public double PhiNameMargin { get; set; } = -1;

    /// <summary>Folder of sphinxtrain's tools (bw, mllr_solve), Debian's sphinxtrain package; used by SpeakerAdaptation only.</summary>
    public string SphinxTrainDir { get; set; } = "/usr/lib/sphinxtrain";

    /// <summary>
    /// The search's beam (-beam and -pbeam: an HMM, and a phone transition, is dropped when it scores below this times
    /// the frame's best). 1e-54, wider than PocketSphinx's 1e-48, so that more medical words live until the language
    /// model weighs them; wider still (1e-60) gains more dictation and loses real speech to medical words
    /// (docs/medical-model.md, "Search beams").
    /// </summary>
    public double Beam { get; set; } = 1e-54;

    /// <summary>
    /// At most this many HMMs active a frame (-maxhmmpf; -1: no bound). PocketSphinx's own 30000: a bound of 10000 kept
    /// the wider <see cref="Beam"/>'s CPU down but cost noisy dictation 16 words of 436 (docs/medical-model.md, "Search beams").
    /// </summary>
    public int MaxHmmsPerFrame { get; set; } = 30000;

    /// <summary>
    /// More PocketSphinx decoder arguments, space separated (e.g. "-wbeam 1e-35"): the search's other speed and accuracy
    /// knobs. An argument named here takes the place of the same one set by <see cref="Beam"/> or <see cref="MaxHmmsPerFrame"/>.
    /// </summary>
    public string Arguments { get; set; } = "";

    /// <summary>A custom vocabulary word's unigram probability, as a multiple of the uniform one (1/words).</summary>
    public double VocabularyWeight { get; set; } = 10;

    /// <summary>Decoders of recently used vocabularies kept loaded while idle (each holds a model, about 100 MB).</summary>
    public int IdleVocabularyDecoders { get; set; } = 2;

    /// <summary>
    /// Seconds a decoder may stay idle before it is unloaded, all but the most recently used plain one; 0 keeps every
    /// decoder loaded once needed. Streams load a decoder a channel beside the jobs' and vocabulary jobs their own, so a
    /// burst would otherwise leave its decoders (about 100 MB each) loaded for good.
    /// </summary>
    public int IdleDecoderSeconds { get; set; } = 120;

    public string? MedicalModelPath => string.IsNullOrEmpty(MedicalModelDir)
        ? null
        : Path.GetFullPath(MedicalModelDir, AppContext.BaseDirectory);

    /// <summary>The pronunciation dictionary the decoder loads: the medical one (CMU plus medical words), or CMU's alone.</summary>
    public string DictionaryPath => MedicalModelPath is { } medical
        ? Path.Combine(medical, "medical.dict")
        : Path.Combine(ModelDir, "cmudict-en-us.dict");

    /// <summary>
    /// The general model alone, as pocketsphinx_continuous decodes with it by default: Debian's dictionary (not the
    /// medical one, whose pronunciation variants change everyday words), PocketSphinx's flat-lexicon pass (-fwdflat) and
    /// its own beams and HMM bound, no second passes. Everyday speech is transcribed again with it (<see cref="RecordingModelChoice"/>),
    /// so such a recording reads as the general model's own tool reads it.
    /// </summary>
    public PocketSphinxOptions AsGeneralModelTool() => new()
    {
        ModelDir = ModelDir,
        MedicalModelDir = "",
        RecordingModelChoice = false,
        SecondPass = true,
        Beam = 1e-48,
        MaxHmmsPerFrame = 30000,
        PhiSecondPass = false,
        SpeakerAdaptation = false,
    };
}
