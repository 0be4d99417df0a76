using MedGrpc.Core.Ports;
using MedGrpc.Engines.PocketSphinx;

namespace MedGrpc.Tests.Engines;

/// <summary>Where the PHI second pass looks: the span after a cue, found in first-pass words (a word each 0.4 s).</summary>
public sealed class PhiSpanTests
{
    private static List<RecognizedWord> Words(string text) =>
        text.Split(' ').Select((w, i) => new RecognizedWord(w, i * 0.4, i * 0.4 + 0.3, 0.9)).ToList();

    private static string Covered(string text, PhiSpan span) => string.Join(' ', text.Split(' ')[span.First..(span.Last + 1)]);

    [Fact]
    public void A_span_starts_after_the_cue_and_its_joiner_and_ends_at_the_last_digit()
    {
        const string text = "my phone number is five five by one two three four and a cough";
        var span = Assert.Single(PhiSpan.Find(Words(text)));
        Assert.Equal(PhiGrammarKind.Digits, span.Kind);
        Assert.Equal("five five by one two three four", Covered(text, span));
        Assert.Equal(3 * 0.4 + 0.3, span.StartSeconds, 6);
        Assert.Equal(10 * 0.4 + 0.3, span.EndSeconds, 6);
    }

    [Fact]
    public void Three_misheard_words_in_a_row_end_the_span()
    {
        const string text = "the fax number is three one two more than all nine";
        Assert.Equal("three one two", Covered(text, Assert.Single(PhiSpan.Find(Words(text)))));
    }

    [Fact]
    public void Each_cue_announces_its_own_grammar()
    {
        var kinds = PhiSpan.Find(Words("date of birth march third nineteen sixty spelled b a k e r post code s w one a")).Select(s => s.Kind);
        Assert.Equal([PhiGrammarKind.Date, PhiGrammarKind.Letters, PhiGrammarKind.LettersAndDigits], kinds);
    }

    [Fact]
    public void A_cue_followed_by_no_readable_word_announces_nothing()
    {
        Assert.Empty(PhiSpan.Find(Words("the phone number is on the letter")));
    }

    [Fact]
    public void A_long_pause_ends_the_span()
    {
        var words = Words("phone number is five five five one");
        words[^1] = words[^1] with { StartSeconds = 5, EndSeconds = 5.3 };
        Assert.Equal(5, Assert.Single(PhiSpan.Find(words)).Last);
    }

    [Fact]
    public void An_address_span_runs_from_the_house_number_to_the_street_type()
    {
        const string text = "she lives at forty two park lane with her son";
        var span = Assert.Single(PhiSpan.Find(Words(text)));
        Assert.Equal(PhiGrammarKind.Address, span.Kind);
        Assert.Equal("forty two park lane", Covered(text, span));
    }

    [Fact]
    public void An_address_span_takes_misheard_street_words_up_to_a_function_word()
    {
        const string text = "they moved to sixty cedar pride in the summer";
        Assert.Equal("sixty cedar pride", Covered(text, Assert.Single(PhiSpan.Find(Words(text)))));
    }

    [Fact]
    public void To_inside_a_house_number_is_part_of_the_address_span()
    {
        const string text = "they moved to sixty to church lane in the summer";
        Assert.Equal("sixty to church lane", Covered(text, Assert.Single(PhiSpan.Find(Words(text)))));
    }

    [Fact]
    public void An_address_cue_without_a_house_number_announces_nothing() => Assert.Empty(PhiSpan.Find(Words("she moved to the coast last year")));

    [Fact]
    public void After_a_title_a_word_that_is_no_name_is_a_name_span_of_up_to_two_words()
    {
        const string text = "this is doctor but don't call in about the results";
        var span = Assert.Single(PhiSpan.Find(Words(text)));
        Assert.Equal(PhiGrammarKind.Name, span.Kind);
        Assert.Equal("but don't", Covered(text, span));
    }

    [Fact]
    public void A_name_the_first_pass_wrote_after_a_title_is_not_read_again() =>
        Assert.Empty(PhiSpan.Find(Words("please tell doctor williams that the rash is worse")));

    [Fact]
    public void A_name_span_ends_before_a_name_in_the_lists()
    {
        const string text = "my name is and smith";
        Assert.Equal("and", Covered(text, Assert.Single(PhiSpan.Find(Words(text)))));
    }

    [Fact]
    public void Without_the_names_grammar_a_title_announces_nothing_and_other_cues_still_do()
    {
        const string text = "this is doctor but don't call me on five five five one";
        var span = Assert.Single(PhiSpan.Find(Words(text), names: false));
        Assert.Equal(PhiGrammarKind.Digits, span.Kind);
        Assert.Equal("five five five one", Covered(text, span));
    }
}
