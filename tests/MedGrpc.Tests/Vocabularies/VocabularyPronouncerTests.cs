using MedGrpc.Core.Model;
using MedGrpc.Engines.PocketSphinx;
using Microsoft.Extensions.Options;

namespace MedGrpc.Tests.Vocabularies;

/// <summary>How each kind of row is pronounced: IPA mapped, SoundsLike and unknown words through flite's t2p, known words from the dictionary.</summary>
public sealed class VocabularyPronouncerTests
{
    private static readonly VocabularyPronouncer Pronouncer = new(
        new PronunciationDictionary(Options.Create(new PocketSphinxOptions())), new GraphemeToPhoneme());

    private static async Task<VocabularyPhrase> PronounceAsync(string phrase, string? ipa = null, string? soundsLike = null, string? displayAs = null) =>
        (await Pronouncer.PronounceAsync([new VocabularyEntry(2, phrase, ipa, soundsLike, displayAs)], default)).Single();

    [Fact]
    public async Task IPA_is_mapped_phoneme_by_phoneme_to_the_acoustic_models_phones() =>
        Assert.Equal(["M AE V AH K AE M T AH N"], (await PronounceAsync("mavacamten", ipa: "ˈm æ v ə k æ m t ə n")).Pronunciations);

    [Fact]
    public async Task SoundsLike_syllables_go_through_the_grapheme_to_phoneme_converter() =>
        Assert.Equal(["AA S IH D OW"], (await PronounceAsync("acido", soundsLike: "ah-sid-oh")).Pronunciations);

    [Fact]
    public async Task A_word_the_dictionary_knows_is_said_as_it_lists_it() =>
        Assert.Equal(["HH EH D EY K"], (await PronounceAsync("headache")).Pronunciations);

    [Fact]
    public async Task A_word_the_dictionary_lacks_is_pronounced_by_the_converter()
    {
        var phones = (await PronounceAsync("zuranolone")).Pronunciations.Single();
        Assert.StartsWith("Z", phones);
        Assert.DoesNotContain("AX", phones.Split(' ')); // flite's schwa becomes the model's AH
    }

    [Fact]
    public async Task A_hyphenated_phrase_is_its_words_pronounced_in_turn() =>
        Assert.Equal(["HH EH D EY K HH EH D EY K"], (await PronounceAsync("headache-headache")).Pronunciations);

    [Fact]
    public async Task An_acronym_is_spelled_letter_by_letter() =>
        Assert.Equal(["D IY EH N EY"], (await PronounceAsync("D.N.A.")).Pronunciations);

    [Fact]
    public async Task The_phrase_is_recognised_as_its_lower_case_word_and_written_as_DisplayAs()
    {
        var phrase = await PronounceAsync("Mavacamten", displayAs: "mavacamten (Camzyos)");
        Assert.Equal("mavacamten", phrase.Word);
        Assert.Equal("mavacamten (Camzyos)", phrase.Display);
    }

    [Fact]
    public async Task Without_DisplayAs_the_phrase_is_written_with_spaces_for_hyphens() =>
        Assert.Equal("acute respiratory distress syndrome", (await PronounceAsync("acute-respiratory-distress-syndrome")).Display);

    [Fact]
    public async Task A_phrase_listed_twice_is_one_word_with_both_pronunciations()
    {
        var phrases = await Pronouncer.PronounceAsync(
            [new VocabularyEntry(2, "acet", "æ s ə t", null, null), new VocabularyEntry(3, "acet", "ə s ɛ t", null, null)], default);
        Assert.Equal(["AE S AH T", "AH S EH T"], Assert.Single(phrases).Pronunciations);
    }
}
