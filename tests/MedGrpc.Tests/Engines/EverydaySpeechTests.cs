using MedGrpc.Core.Ports;
using MedGrpc.Engines.PocketSphinx;

namespace MedGrpc.Tests.Engines;

/// <summary>One real decoder with the medical model, loaded once: what it counts as everyday speech, from words alone.</summary>
public sealed class EverydaySpeechFixture : IDisposable
{
    internal PocketSphinxDecoder Decoder { get; } = new(new PocketSphinxOptions());

    public void Dispose() => Decoder.Dispose();
}

public sealed class EverydaySpeechTests(EverydaySpeechFixture fixture) : IClassFixture<EverydaySpeechFixture>
{
    private static Recognition Heard(params string[] utterances) =>
        new(utterances.Select(u => new RecognizedUtterance(u.Split(' ').Select((w, i) => new RecognizedWord(w, i, i + 1, 1)).ToList())).ToList());

    [Fact]
    public void A_telephone_prompt_is_everyday_speech()
    {
        Assert.True(fixture.Decoder.IsEverydaySpeech(Heard("thank you for calling please hold and your call will be answered by the next available agent")));
    }

    [Fact]
    public void A_speech_is_everyday_speech()
    {
        Assert.True(fixture.Decoder.IsEverydaySpeech(Heard("we choose to go to the moon in this decade", "not because they are easy but because they are hard")));
    }

    [Fact]
    public void A_dictation_is_medical_speech()
    {
        Assert.False(fixture.Decoder.IsEverydaySpeech(Heard("patient presents with chest pain radiating to the left arm", "started on aspirin seventy five milligrams once daily")));
    }

    [Fact]
    public void A_consultations_questions_are_medical_speech()
    {
        Assert.False(fixture.Decoder.IsEverydaySpeech(Heard("how long has it been going on for", "about a week", "does anything make it better or worse", "and how are you sleeping")));
    }

    [Fact]
    public void Nothing_heard_is_not_heard_again()
    {
        Assert.False(fixture.Decoder.IsEverydaySpeech(new Recognition([])));
    }
}
