using MedGrpc.Client;
using MedGrpc.Tests.Support;

namespace MedGrpc.Tests.Vocabularies;

/// <summary>
/// A vocabulary changes recognition for real: drug names absent from the recogniser's dictionary,
/// spoken by flite, are missed without the vocabulary and recognised (and written as DisplayAs) with it.
/// </summary>
public sealed class VocabularyRecognitionTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    // Recent drugs, none in the medical dictionary (checked below), each given a different way. (Tirzepatide was the
    // second until it became common enough in primary care to join the medical word lists.)
    private const string Sentence = "the patient was started on mavacamten and retatrutide last month.";

    private static readonly Lazy<string> Audio = new(() => SpokenAudio.Say("vocabulary-sentence.wav", Sentence));

    [Fact]
    public async Task Phrases_absent_from_the_dictionary_are_recognised_only_with_the_vocabulary()
    {
        var dictionary = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "models", "medical", "medical.dict")).Select(l => l.Split(' ')[0]).ToHashSet();
        Assert.DoesNotContain("mavacamten", dictionary);
        Assert.DoesNotContain("retatrutide", dictionary);

        var vocabulary = await fixture.Server.CreateVocabularyAsync("new-drugs",
            "mavacamten\t\t\tMavacamten",
            "retatrutide\t\treh-tuh-troo-tide\tRetatrutide");
        Assert.Equal(Transcribe.V1.VocabularyState.Ready, vocabulary.VocabularyState);

        var without = await fixture.Server.Jobs.StartAndWaitAsync(Requests.Dictation("drugs-plain", fixture.Server.PutFile("media", "drugs-plain.wav", Audio.Value)));
        var request = Requests.Dictation("drugs-vocabulary", fixture.Server.PutFile("media", "drugs-vocabulary.wav", Audio.Value));
        request.Settings = new Transcribe.V1.MedicalTranscriptionSetting { VocabularyName = "new-drugs" };
        var with = await fixture.Server.Jobs.StartAndWaitAsync(request);

        var plainText = without.Transcript.Results.Transcripts[0].Transcript;
        var vocabularyText = with.Transcript.Results.Transcripts[0].Transcript;
        Assert.DoesNotContain("avacamten", plainText, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("etatrutide", plainText, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Mavacamten", vocabularyText);
        Assert.Contains("Retatrutide", vocabularyText);
    }
}
