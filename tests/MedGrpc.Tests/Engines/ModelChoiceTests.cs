using MedGrpc.Core.Ports;
using MedGrpc.Engines.PocketSphinx;
using MedGrpc.Ffmpeg;
using MedGrpc.Tests.Support;

namespace MedGrpc.Tests.Engines;

/// <summary>
/// A real recording of everyday speech (an Asterisk voicemail prompt) and the first 25 s of a development dictation,
/// each recognised by real PocketSphinx decoders with the medical model, with and without the per-utterance model
/// choice. Once for all the tests.
/// </summary>
public sealed class ModelChoiceFixture : IAsyncLifetime
{
    public string EverydayMix { get; private set; } = "";
    public string EverydayChosen { get; private set; } = "";
    public Recognition DictationMix { get; private set; } = null!;
    public Recognition DictationChosen { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var everyday = await MediaFiles.PcmAsync(Path.Combine(Path.GetDirectoryName(SpeechSet.Root)!, "real-speech", "audio", "real-asterisk-vm-invalid-password.flac"));
        var dictation = await MediaFiles.PcmAsync(SpeechSet.Audio("dev-dict-01.wav"), seconds: 25);
        await Task.Run(() =>
        {
            using (var mix = new PocketSphinxDecoder(new PocketSphinxOptions()))
            {
                EverydayMix = Text(mix.Recognize(new MemoryStream(everyday), RecognitionOptions.BestOnly, null, default));
                DictationMix = mix.Recognize(new MemoryStream(dictation), RecognitionOptions.BestOnly, null, default);
            }
            using (var chosen = new PocketSphinxDecoder(new PocketSphinxOptions { ModelChoice = true }))
            {
                EverydayChosen = Text(chosen.Recognize(new MemoryStream(everyday), RecognitionOptions.BestOnly, null, default));
                DictationChosen = chosen.Recognize(new MemoryStream(dictation), RecognitionOptions.BestOnly, null, default);
            }
        });
    }

    private static string Text(Recognition recognition) => string.Join(' ', recognition.Words.Select(w => w.Text));

    public Task DisposeAsync() => Task.CompletedTask;
}

public sealed class ModelChoiceTests(ModelChoiceFixture fixture) : IClassFixture<ModelChoiceFixture>
{
    [Fact]
    public void Everyday_speech_the_mix_pulls_towards_medical_text_takes_the_general_models_words()
    {
        // The mix hears "is mail dot" (the spoken e-mail addresses of the model's PHI contexts) in "… requirements …".
        Assert.Contains("mail dot", fixture.EverydayMix);
        Assert.DoesNotContain("mail dot", fixture.EverydayChosen);
        Assert.Contains("password does not meet the minimum requirements", fixture.EverydayChosen);
    }

    [Fact]
    public void A_medical_dictation_keeps_the_mixs_words_and_times()
    {
        Assert.Equal(fixture.DictationMix.Words, fixture.DictationChosen.Words);
    }
}
