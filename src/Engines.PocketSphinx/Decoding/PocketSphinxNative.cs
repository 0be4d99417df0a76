using System.Runtime.InteropServices;

namespace MedGrpc.Engines.PocketSphinx;

/// <summary>
/// The few functions of Debian's libpocketsphinx3 / libsphinxbase3 (0.8+5prealpha) the engine calls.
/// cmd_ln_init is variadic, so the configuration is built with cmd_ln_parse_r instead (see docs/engines.md, "PocketSphinx through P/Invoke").
/// </summary>
internal static unsafe class PocketSphinxNative
{
    private const string PocketSphinx = "libpocketsphinx.so.3";
    private const string SphinxBase = "libsphinxbase.so.3";

    [DllImport(PocketSphinx)]
    public static extern IntPtr ps_args();

    [DllImport(PocketSphinx)]
    public static extern IntPtr ps_init(IntPtr config);

    [DllImport(PocketSphinx)]
    public static extern int ps_free(IntPtr ps);

    [DllImport(PocketSphinx)]
    public static extern IntPtr ps_get_logmath(IntPtr ps);

    [DllImport(PocketSphinx)]
    public static extern IntPtr ps_get_feat(IntPtr ps);

    /// <summary>The decoder's front end: feature extraction, its noise estimate and voice-activity detection.</summary>
    [DllImport(PocketSphinx)]
    public static extern IntPtr ps_get_fe(IntPtr ps);

    [DllImport(PocketSphinx)]
    public static extern int ps_start_stream(IntPtr ps);

    [DllImport(PocketSphinx)]
    public static extern int ps_start_utt(IntPtr ps);

    [DllImport(PocketSphinx)]
    public static extern int ps_process_raw(IntPtr ps, short* data, nuint nSamples, int noSearch, int fullUtt);

    [DllImport(PocketSphinx)]
    public static extern int ps_end_utt(IntPtr ps);

    [DllImport(PocketSphinx)]
    public static extern byte ps_get_in_speech(IntPtr ps);

    [DllImport(PocketSphinx)]
    public static extern IntPtr ps_seg_iter(IntPtr ps);

    [DllImport(PocketSphinx)]
    public static extern IntPtr ps_seg_next(IntPtr seg);

    [DllImport(PocketSphinx)]
    public static extern IntPtr ps_seg_word(IntPtr seg);

    [DllImport(PocketSphinx)]
    public static extern void ps_seg_frames(IntPtr seg, out int startFrame, out int endFrame);

    [DllImport(PocketSphinx)]
    public static extern int ps_seg_prob(IntPtr seg, out int acousticScore, out int languageScore, out int languageBackoff);

    [DllImport(PocketSphinx)]
    public static extern void ps_seg_free(IntPtr seg);

    [DllImport(PocketSphinx)]
    public static extern IntPtr ps_nbest(IntPtr ps);

    [DllImport(PocketSphinx)]
    public static extern IntPtr ps_nbest_next(IntPtr nbest);

    [DllImport(PocketSphinx)]
    public static extern IntPtr ps_nbest_hyp(IntPtr nbest, out int score);

    [DllImport(PocketSphinx)]
    public static extern IntPtr ps_nbest_seg(IntPtr nbest);

    [DllImport(PocketSphinx)]
    public static extern void ps_nbest_free(IntPtr nbest);

    [DllImport(PocketSphinx)]
    public static extern IntPtr ps_get_config(IntPtr ps);

    [DllImport(PocketSphinx)]
    public static extern IntPtr ps_get_lm(IntPtr ps, [MarshalAs(UnmanagedType.LPUTF8Str)] string name);

    [DllImport(PocketSphinx)]
    public static extern int ps_set_lm(IntPtr ps, [MarshalAs(UnmanagedType.LPUTF8Str)] string name, IntPtr lm);

    [DllImport(PocketSphinx)]
    public static extern int ps_set_search(IntPtr ps, [MarshalAs(UnmanagedType.LPUTF8Str)] string name);

    /// <summary>The active search's name (the decoder owns the string).</summary>
    [DllImport(PocketSphinx)]
    public static extern IntPtr ps_get_search(IntPtr ps);

    /// <summary>Adds a grammar search (JSGF text, its first public rule is the grammar); its words must be in the dictionary.</summary>
    [DllImport(PocketSphinx)]
    public static extern int ps_set_jsgf_string(IntPtr ps, [MarshalAs(UnmanagedType.LPUTF8Str)] string name, [MarshalAs(UnmanagedType.LPUTF8Str)] string jsgf);

    /// <summary>Adds a word (ARPAbet phones, space separated) to the dictionary and to every n-gram search's model; update=1 rebuilds the searches.</summary>
    [DllImport(PocketSphinx)]
    public static extern int ps_add_word(IntPtr ps, [MarshalAs(UnmanagedType.LPUTF8Str)] string word, [MarshalAs(UnmanagedType.LPUTF8Str)] string phones, int update);

    /// <summary>The word's phones, or NULL when the dictionary lacks it; the caller frees the string (ckd_free).</summary>
    [DllImport(PocketSphinx)]
    public static extern IntPtr ps_lookup_word(IntPtr ps, [MarshalAs(UnmanagedType.LPUTF8Str)] string word);

    /// <summary>Reads a speaker transform (MLLR matrices, sphinxtrain's mllr_solve output); NULL when the file is unreadable.</summary>
    [DllImport(PocketSphinx)]
    public static extern IntPtr ps_mllr_read([MarshalAs(UnmanagedType.LPUTF8Str)] string fileName);

    /// <summary>
    /// Transforms the acoustic model's Gaussians with the transform, for good (until the next one). The means and variances
    /// are re-read from the model's files first, so transforms do not stack. The decoder takes over the caller's reference
    /// (acmod_update_mllr stores it without retaining, and frees it at the next transform): retain one first.
    /// </summary>
    [DllImport(PocketSphinx)]
    public static extern IntPtr ps_update_mllr(IntPtr ps, IntPtr mllr);

    [DllImport(PocketSphinx)]
    public static extern IntPtr ps_mllr_retain(IntPtr mllr);

    [DllImport(PocketSphinx)]
    public static extern int ps_mllr_free(IntPtr mllr);

    [DllImport(SphinxBase)]
    public static extern void ckd_free(IntPtr pointer);

    /// <summary>Adds a unigram (or, for a word the model has, returns it); weight scales its probability against the uniform one.</summary>
    [DllImport(SphinxBase)]
    public static extern int ngram_model_add_word(IntPtr model, [MarshalAs(UnmanagedType.LPUTF8Str)] string word, float weight);

    /// <summary>The search pocketsphinx creates from -lm (PS_DEFAULT_SEARCH).</summary>
    public const string DefaultSearch = "_default";

    public const int NgramAuto = 0; // ngram_file_type_t NGRAM_AUTO

    [DllImport(SphinxBase)]
    public static extern IntPtr ngram_model_read(IntPtr config, [MarshalAs(UnmanagedType.LPUTF8Str)] string fileName, int fileType, IntPtr logmath);

    /// <summary>A word's id in a model; the model's unknown-word id when it lacks the word.</summary>
    [DllImport(SphinxBase)]
    public static extern int ngram_wid(IntPtr model, [MarshalAs(UnmanagedType.LPUTF8Str)] string word);

    /// <summary>A word's raw log probability (the log base's units) given its history; no language weight, no penalty.</summary>
    [DllImport(SphinxBase)]
    public static extern int ngram_ng_prob(IntPtr model, int wordId, IntPtr history, int historyLength, out int used);

    [DllImport(SphinxBase)]
    public static extern IntPtr ngram_model_retain(IntPtr model);

    [DllImport(SphinxBase)]
    public static extern int ngram_model_free(IntPtr model);

    /// <summary>
    /// A linear interpolation of models (weights are probabilities summing to 1). The set takes a reference of its own
    /// to each model (sphinxbase 5prealpha retains them): the caller still owns, and must free, the ones it had.
    /// </summary>
    [DllImport(SphinxBase)]
    public static extern IntPtr ngram_model_set_init(IntPtr config, IntPtr[] models, IntPtr[] names, float[] weights, int count);

    [DllImport(SphinxBase)]
    public static extern IntPtr cmd_ln_parse_r(IntPtr inout, IntPtr definitions, int argc, IntPtr[] argv, int strict);

    [DllImport(SphinxBase)]
    public static extern int cmd_ln_free_r(IntPtr config);

    [DllImport(SphinxBase)]
    public static extern IntPtr cmd_ln_retain(IntPtr config);

    // Offsets into sphinxbase 5prealpha structs (x86_64), checked with offsetof against Debian's
    // libsphinxbase-dev headers. cmn_live_set cannot restore a pristine state (it also rewrites the
    // running sum and frame count), and nothing else resets live CMN, so the decoder copies the struct.
    public const int FeatCmnStructOffset = 88;   // feat_t.cmn_struct
    public const int CmnMeanOffset = 0;          // cmn_t.cmn_mean (mfcc_t*, float)
    public const int CmnSumOffset = 16;          // cmn_t.sum (mfcc_t*)
    public const int CmnFrameCountOffset = 24;   // cmn_t.nframe (int32)
    public const int CmnVectorLengthOffset = 28; // cmn_t.veclen (int32)

    /// <summary>Sets live CMN's mean, as if it had been averaged over its window (500 frames) of frames that had it.</summary>
    [DllImport(SphinxBase)]
    public static extern void cmn_live_set(IntPtr cmn, float* mean);

    [DllImport(SphinxBase)]
    public static extern int fe_get_output_size(IntPtr fe);

    [DllImport(SphinxBase)]
    public static extern int fe_start_utt(IntPtr fe);

    /// <summary>Cepstra of the speech frames in the samples (silence is held back by the front end's voice-activity detection).</summary>
    [DllImport(SphinxBase)]
    public static extern int fe_process_frames(IntPtr fe, short** inoutSamples, nuint* inoutCount, IntPtr cepstra, int* inoutFrames, int* outFrameIndex);

    [DllImport(SphinxBase)]
    public static extern int fe_end_utt(IntPtr fe, float* lastCepstrum, int* frames);

    /// <summary>A d1 × d2 array of cells as sphinxbase lays one out: d1 row pointers into one block.</summary>
    [DllImport(SphinxBase)]
    public static extern IntPtr fe_create_2d(int d1, int d2, int cellSize);

    [DllImport(SphinxBase)]
    public static extern void fe_free_2d(IntPtr array);

    /// <summary>A front end of its own (features, noise estimate, voice-activity detection) configured as the decoder's; it holds a reference to the configuration.</summary>
    [DllImport(SphinxBase)]
    public static extern IntPtr fe_init_auto_r(IntPtr config);

    [DllImport(SphinxBase)]
    public static extern int fe_free(IntPtr fe);

    /// <summary>Forgets the noise estimate and restarts the sample count, as ps_start_stream does for the decoder's.</summary>
    [DllImport(SphinxBase)]
    public static extern void fe_start_stream(IntPtr fe);

    /// <summary>Whether the front end's voice-activity detection is in speech (what ps_get_in_speech reports).</summary>
    [DllImport(SphinxBase)]
    public static extern byte fe_get_vad_state(IntPtr fe);

    [DllImport(SphinxBase)]
    public static extern IntPtr cmn_init(int vectorLength);

    [DllImport(SphinxBase)]
    public static extern void cmn_free(IntPtr cmn);

    /// <summary>Live CMN over frames as the decoder's features do it: adds them to the running sum (and subtracts the mean from them in place).</summary>
    [DllImport(SphinxBase)]
    public static extern void cmn_live(IntPtr cmn, IntPtr cepstra, int varianceNormalise, int frames);

    /// <summary>The mean from the running sum, as at the end of each utterance.</summary>
    [DllImport(SphinxBase)]
    public static extern void cmn_live_update(IntPtr cmn);

    [DllImport(SphinxBase)]
    public static extern double logmath_exp(IntPtr logmath, int logValue);

    /// <summary>A value in the log base's units as a natural logarithm.</summary>
    [DllImport(SphinxBase)]
    public static extern double logmath_log_to_ln(IntPtr logmath, int logValue);

    /// <summary>A floating-point argument's value as the decoder took it (the search's beam, in SearchArgumentsTests).</summary>
    [DllImport(SphinxBase)]
    public static extern double cmd_ln_float_r(IntPtr config, [MarshalAs(UnmanagedType.LPUTF8Str)] string name);
}
