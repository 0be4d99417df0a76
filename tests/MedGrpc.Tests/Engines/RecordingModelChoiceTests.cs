using MedGrpc.Core.Ports;
using MedGrpc.Engines.PocketSphinx;
using MedGrpc.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MedGrpc.Tests.Engines;

/// <summary>
/// A real recording of everyday speech (an Asterisk telephone prompt) and the first 25 s of a development dictation, each
/// recognised by the real PocketSphinx engine with the medical model, with the choice of model per recording and without
/// it, and the prompt by the general model alone (as pocketsphinx_continuous decodes). Once for all the tests.
/// </summary>
public sealed class RecordingModelChoiceFixture : IAsyncLifetime
{
    public string EverydayMix { get; private set; } = "";
    public string EverydayChosen { get; private set; } = "";
    public string EverydayGeneral { get; private set; } = "";
    public Recognition DictationMix { get; private set; } = null!;
    public Recognition DictationChosen { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var everyday = await MediaFiles.PcmAsync(Path.Combine(Path.GetDirectoryName(SpeechSet.Root)!, "real-speech", "audio", "real-asterisk-tt-allbusy.flac"));
        var dictation = await MediaFiles.PcmAsync(SpeechSet.Audio("dev-dict-01.wav"), seconds: 25);
        using (var mix = Engine(new PocketSphinxOptions { RecordingModelChoice = false }))
        {
            EverydayMix = Text(await Recognize(mix, everyday));
            DictationMix = await Recognize(mix, dictation);
        }
        using (var chosen = Engine(new PocketSphinxOptions()))
        {
            EverydayChosen = Text(await Recognize(chosen, everyday));
            DictationChosen = await Recognize(chosen, dictation);
        }
        // The general model as pocketsphinx_continuous decodes with it: Debian's dictionary (the default without the
        // medical model), its flat-lexicon pass and PocketSphinx's beams.
        using (var general = Engine(new PocketSphinxOptions { MedicalModelDir = "", SecondPass = true, Beam = 1e-48 }))
            EverydayGeneral = Text(await Recognize(general, everyday));
    }

    private static PocketSphinxEngine Engine(PocketSphinxOptions options) =>
        new(Options.Create(options), NullLogger<PocketSphinxEngine>.Instance);

    private static Task<Recognition> Recognize(PocketSphinxEngine engine, byte[] pcm) =>
        engine.RecognizeAsync(new MemoryStream(pcm), RecognitionOptions.BestOnly, null, default);

    private static string Text(Recognition recognition) => string.Join(' ', recognition.Words.Select(w => w.Text));

    public Task DisposeAsync() => Task.CompletedTask;
}

public sealed class RecordingModelChoiceTests(RecordingModelChoiceFixture fixture) : IClassFixture<RecordingModelChoiceFixture>
{
    [Fact]
    public void Everyday_speech_is_transcribed_again_with_the_general_model_alone()
    {
        // The mix hears the medical text's words in "… hold and your call will be answered …".
        Assert.Contains("urine", fixture.EverydayMix);
        Assert.DoesNotContain("urine", fixture.EverydayChosen);
    }

    [Fact]
    public void Everyday_speech_reads_word_for_word_as_the_general_model_alone_reads_it()
    {
        // Debian's dictionary, not the medical one: its pronunciation variants heard "sydney" in "… the answer in the order …".
        Assert.Equal(fixture.EverydayGeneral, fixture.EverydayChosen);
    }

    [Fact]
    public void A_medical_dictation_keeps_the_mixs_words_and_times()
    {
        Assert.Equal(fixture.DictationMix.Words, fixture.DictationChosen.Words);
    }
}
