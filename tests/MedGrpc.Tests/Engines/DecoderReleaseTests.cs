using MedGrpc.Core.Model;
using MedGrpc.Core.Ports;
using MedGrpc.Engines.PocketSphinx;
using static MedGrpc.Engines.PocketSphinx.PocketSphinxNative;

namespace MedGrpc.Tests.Engines;

/// <summary>
/// A freed decoder lets go of every language model it loaded: each one kept beyond it (the general English model,
/// about 44 MB in memory) stayed for good in the service, one per decoder ever loaded, and a fuzz run's live streams
/// left hundreds of MB behind (docs/fuzzing.md, "Memory back to its baseline"). Real decoders; the test holds a
/// reference of its own to each model, and once the decoder is freed its own must be the last one.
/// </summary>
public sealed class DecoderReleaseTests
{
    private static readonly RecognitionVocabulary Vocabulary = new("test/decoder-release@1",
        [new VocabularyPhrase("zorbitex", ["Z AO R B IH T EH K S"], "Zorbitex")]);

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, true)]
    [InlineData(false, false)]
    [InlineData(true, false)]
    public void A_freed_decoder_holds_none_of_its_language_models(bool withVocabulary, bool withMedicalModel)
    {
        // The service's default mixes the general and medical models; an empty MedicalModelDir runs the general one alone.
        var options = withMedicalModel ? new PocketSphinxOptions() : new PocketSphinxOptions { MedicalModelDir = "" };
        var decoder = new PocketSphinxDecoder(options, withVocabulary ? Vocabulary : null);
        var models = decoder.LanguageModels();
        Assert.Equal(withMedicalModel ? 2 : 1, models.Count);
        foreach (var model in models) ngram_model_retain(model);

        decoder.Dispose();

        // ngram_model_free answers the references left after it: 0 once the test's was the last.
        Assert.All(models, model => Assert.Equal(0, ngram_model_free(model)));
    }

    [Fact]
    public void A_freed_decoder_holds_none_of_the_language_models_of_its_general_model_decoder()
    {
        // Everyday speech is heard again by a decoder of the general model's own, loaded on first use and kept with this one.
        var decoder = new PocketSphinxDecoder(new PocketSphinxOptions());
        decoder.RecognizeWithGeneralModel(new MemoryStream(new byte[32000]), RecognitionOptions.BestOnly, default);
        var models = decoder.LanguageModels();
        Assert.Equal(3, models.Count);
        foreach (var model in models) ngram_model_retain(model);

        decoder.Dispose();

        Assert.All(models, model => Assert.Equal(0, ngram_model_free(model)));
    }
}
