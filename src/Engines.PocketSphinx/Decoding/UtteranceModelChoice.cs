using System.Runtime.InteropServices;
using static MedGrpc.Engines.PocketSphinx.PocketSphinxNative;

namespace MedGrpc.Engines.PocketSphinx;

/// <summary>
/// Which language model an utterance is transcribed with: the search's mix of the general and the medical model, or the
/// general model alone. The mix pulls ordinary words of everyday speech towards the medical text's ("hold in your call"
/// became "all the urine"), and no single share of the mix avoids that without losing medical words. The utterance's
/// word lattice, rescored with each model alone as the decoder's own best-path pass weighs them (acoustics plus weighted
/// language model), tells the two apart without a reference: the general model's path is taken where the general model
/// explains the utterance better than the medical one, and the mix's path gains little over it (less than
/// <see cref="PocketSphinxOptions.ModelChoiceGain"/> nats a word). Per utterance, so a live stream's finals and a job's
/// transcript make the same choice (docs/medical-model.md, "Choosing the model per utterance").
/// </summary>
internal sealed class UtteranceModelChoice
{
    private readonly IntPtr _ps;
    private readonly string _search;
    private readonly string _general;
    private readonly string _medical;
    private readonly float _bestPathWeight;
    private readonly float _acousticScale;
    private readonly double _gainPerWord;
    private const string SearchWrapperModel = "default";

    /// <param name="search">The search whose language model is the mix.</param>
    /// <param name="general">The general model's name in the mix.</param>
    /// <param name="medical">The medical model's name in the mix.</param>
    /// <param name="gainNatsPerWord">Above this gain a word of the mix's path over the general one's, the mix's stands.</param>
    public UtteranceModelChoice(IntPtr ps, string search, string general, string medical, double gainNatsPerWord)
    {
        _ps = ps;
        _search = search;
        _general = general;
        _medical = medical;
        var config = ps_get_config(ps);
        // As the decoder's own best-path pass: the language weight raised from -lw to -bestpathlw, acoustics scaled for posteriors.
        _bestPathWeight = (float)(cmd_ln_float_r(config, "-bestpathlw") / cmd_ln_float_r(config, "-lw"));
        _acousticScale = 1f / (float)cmd_ln_float_r(config, "-ascale");
        // Path scores are on the senone scale: 2^10 units of the log base (-logbase, 1.0001) each.
        _gainPerWord = gainNatsPerWord / (1024 * Math.Log(cmd_ln_float_r(config, "-logbase")));
    }

    /// <summary>
    /// After an utterance has ended: the lattice and the last link of the general model's best path through it when
    /// that path is the one to take, with its words' posteriors computed; null when the mix's own path stands.
    /// </summary>
    public (IntPtr Lattice, IntPtr Link, float Weight)? GeneralPath(int words)
    {
        var lattice = ps_get_lattice(_ps);
        var searchModel = ps_get_lm(_ps, _search);
        if (lattice == IntPtr.Zero || searchModel == IntPtr.Zero || words == 0) return null;
        // PocketSphinx's search wraps the model it is given in a set of one named "default" (ngram_search_init), whose
        // word ids are the dictionary's: the lattice is scored through it, and selecting its one model returns the mix.
        var mix = ngram_model_set_select(searchModel, SearchWrapperModel);
        if (mix == IntPtr.Zero) return null;
        try
        {
            var general = Score(lattice, searchModel, () => ngram_model_set_select(mix, _general));
            var medical = Score(lattice, searchModel, () => ngram_model_set_select(mix, _medical));
            var mixed = Score(lattice, searchModel, () => ngram_model_set_interp(mix, IntPtr.Zero, IntPtr.Zero));
            if (general is not { } g || medical is not { } m || mixed is not { } x) return null;
            if (g <= m || (x - g) / words >= _gainPerWord) return null;

            ngram_model_set_select(mix, _general);
            var link = ps_lattice_bestpath(lattice, searchModel, _bestPathWeight, _acousticScale);
            if (link == IntPtr.Zero) return null;
            ps_lattice_posterior(lattice, searchModel, _acousticScale);
            return (lattice, link, _bestPathWeight);
        }
        finally
        {
            ngram_model_set_interp(mix, IntPtr.Zero, IntPtr.Zero);
        }
    }

    /// <summary>The best path's score under the model <paramref name="use"/> selects: acoustic plus weighted language scores.</summary>
    private double? Score(IntPtr lattice, IntPtr searchModel, Func<IntPtr> use)
    {
        use();
        var link = ps_lattice_bestpath(lattice, searchModel, _bestPathWeight, _acousticScale);
        if (link == IntPtr.Zero) return null;
        double acoustic = 0, language = 0;
        for (var seg = ps_lattice_seg_iter(lattice, link, _bestPathWeight); seg != IntPtr.Zero; seg = ps_seg_next(seg))
        {
            // The acoustic score comes in the log base's units, the language score on the senone scale (ps_lattice.c).
            ps_seg_prob(seg, out var a, out var l, out _);
            acoustic += a / 1024.0;
            // Fillers and silence get no language score on the best path; the sentence end does.
            var word = Marshal.PtrToStringUTF8(ps_seg_word(seg));
            if (word is "</s>" || word is not null && !PocketSphinxDecoder.IsFiller(word)) language += l;
        }
        return acoustic + _bestPathWeight * language;
    }
}
