using MedGrpc.Core.Model;
using MedGrpc.Core.Ports;
using MedGrpc.Engines.Whisper;

namespace MedGrpc.Tests.Engines;

public sealed class VocabularyPromptTests
{
    private static RecognitionVocabulary Vocabulary(params string[] displays) =>
        new("v@1", displays.Select(d => new VocabularyPhrase(d.ToLowerInvariant().Replace(' ', '-'), ["M AE"], d)).ToList());

    [Fact]
    public void The_prompt_lists_the_written_forms_of_the_phrases()
    {
        var (prompt, used) = VocabularyPrompt.For(Vocabulary("Mavacamten", "Tirzepatide", "ARDS"));

        Assert.Equal("Mavacamten, Tirzepatide, ARDS.", prompt);
        Assert.Equal(3, used);
    }

    [Fact]
    public void A_phrase_written_twice_is_listed_once()
    {
        var (prompt, _) = VocabularyPrompt.For(Vocabulary("Mavacamten", "mavacamten"));

        Assert.Equal("Mavacamten.", prompt);
    }

    [Fact]
    public void Phrases_beyond_what_whisper_keeps_of_a_prompt_are_left_out_whole()
    {
        var many = Enumerable.Range(0, 200).Select(i => $"Drugname{i:000}").ToArray();

        var (prompt, used) = VocabularyPrompt.For(Vocabulary(many));

        Assert.InRange(prompt!.Length, 1, VocabularyPrompt.MaxCharacters);
        Assert.InRange(used, 1, 199);
        Assert.EndsWith($"Drugname{used - 1:000}.", prompt);
    }

    [Fact]
    public void No_vocabulary_is_no_prompt()
    {
        Assert.Equal((null, 0), VocabularyPrompt.For(null));
    }
}
