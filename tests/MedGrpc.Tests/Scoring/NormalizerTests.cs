using MedGrpc.Scoring;
using MedGrpc.Tests.Support;

namespace MedGrpc.Tests.Scoring;

/// <summary>The scorer's normalization, one behaviour per test; expected outputs are the original scorer's.</summary>
public sealed class NormalizerTests
{
    private static string N(string text) => Normalizer.Normalize(text);

    [Fact]
    public void Text_is_lower_cased_and_punctuation_is_dropped() => Assert.Equal("no fevers no vomiting", N("No fevers. No vomiting!"));

    [Fact]
    public void Empty_text_has_no_words() => Assert.Empty(Normalizer.NormalizeTokens(""));

    [Fact]
    public void Digits_become_words_without_and() => Assert.Equal("peak flow four hundred twenty", N("peak flow 420"));

    [Fact]
    public void And_inside_a_spoken_number_is_dropped() => Assert.Equal("four hundred twenty", N("four hundred and twenty"));

    [Fact]
    public void And_after_a_number_but_before_other_words_stays() => Assert.Equal("one hundred and more", N("a hundred and more"));

    [Fact]
    public void A_hundred_becomes_one_hundred() => Assert.Equal("one hundred", N("a hundred"));

    [Fact]
    public void A_billion_stays_as_it_is_unlike_a_hundred_thousand_or_million() => Assert.Equal("a billion", N("a billion"));

    [Fact]
    public void Thousands_separators_are_removed() => Assert.Equal("one thousand steps", N("1,000 steps"));

    [Fact]
    public void A_comma_not_followed_by_three_digits_separates_numbers() => Assert.Equal("one zero zero", N("1,00"));

    [Fact]
    public void A_unit_glued_to_digits_is_split_and_spelled_out() => Assert.Equal("five hundred milligrams", N("500mg"));

    [Fact]
    public void Unit_abbreviations_are_spelled_out() => Assert.Equal("ten milliliters", N("10 ml"));

    [Theory]
    [InlineData("50%")]
    [InlineData("50 %")]
    public void The_percent_sign_becomes_the_word_percent(string text) => Assert.Equal("fifty percent", N(text));

    [Fact]
    public void A_score_out_of_ten_is_read_out_of() => Assert.Equal("pain seven out of ten", N("pain 7/10"));

    [Fact]
    public void Ordinal_suffixes_become_ordinal_words() => Assert.Equal("first second third twenty first twelfth", N("1st 2nd 3rd 21st 12th"));

    [Theory]
    [InlineData("in his 60s", "in his sixties")]
    [InlineData("the 80's", "the eighties")]
    public void Decades_become_plural_number_words(string text, string expected) => Assert.Equal(expected, N(text));

    [Fact]
    public void Decimals_are_read_digit_by_digit_after_point() => Assert.Equal("zero point two five", N("0.25"));

    [Fact]
    public void Digits_with_a_leading_zero_are_read_one_by_one() => Assert.Equal("zero zero seven", N("007"));

    [Fact]
    public void More_than_fifteen_digits_are_read_one_by_one() =>
        Assert.Equal("one two three four five six seven eight nine zero one two three four five six", N("1234567890123456"));

    [Fact]
    public void Letters_and_digits_run_together_are_split() => Assert.Equal("t two dm", N("T2 DM"));

    [Theory]
    [InlineData("twenty-one")]
    [InlineData("twenty\u2013one")]
    public void Hyphens_and_dashes_split_words(string text) => Assert.Equal("twenty one", N(text));

    [Theory]
    [InlineData("don't", "dont")]
    [InlineData("Bell\u2019s palsy", "bells palsy")]
    public void Apostrophes_straight_or_curly_are_removed(string text, string expected) => Assert.Equal(expected, N(text));

    [Fact]
    public void Ampersand_becomes_and() => Assert.Equal("a and e", N("A&E"));

    [Fact]
    public void Single_word_fillers_are_dropped() => Assert.Equal("", N("um er erm hmm"));

    [Fact]
    public void Two_part_fillers_are_dropped() => Assert.Equal("", N("uh-huh Mm-hmm"));

    [Fact]
    public void Spelled_letters_that_join_into_a_filler_are_dropped_too() => Assert.Equal("", N("m m"));

    [Fact]
    public void Runs_of_spelled_letters_are_joined() => Assert.Equal("see the gp", N("see the G P"));

    [Fact]
    public void A_and_i_are_words_not_spelled_letters() => Assert.Equal("vitamin d i think", N("vitamin D. I think"));

    [Theory]
    [InlineData("U.T.I.", "uti")]
    [InlineData("H. R. T.", "hrt")]
    public void Dotted_acronyms_are_joined(string text, string expected) => Assert.Equal(expected, N(text));

    [Fact]
    public void UK_spellings_become_US() => Assert.Equal("hemoglobin color edema", N("haemoglobin colour oedema"));

    [Fact]
    public void Colloquial_variants_are_mapped() => Assert.Equal("okay mom all right", N("OK mum alright"));

    [Fact]
    public void Closed_compounds_are_split() => Assert.Equal("hay fever pain killers", N("hayfever painkillers"));

    [Fact]
    public void Titles_are_spelled_out() => Assert.Equal("mister dashwood and doctor khan", N("Mr. Dashwood and Dr. Khan"));

    [Fact]
    public void Compatibility_characters_are_folded_as_by_NFKC() => Assert.Equal("five three milligrams", N("\ufb01ve \uff13 \u338e"));

    [Fact]
    public void Superscript_digits_are_digits() => Assert.Equal("x two", N("x\u00b2"));

    [Fact]
    public void Capital_dotted_i_lower_cases_to_i_as_in_Python() => Assert.Equal("i", N("\u0130"));

    [Fact]
    public void Normalizing_twice_changes_nothing()
    {
        const string text = "Amoxicillin 500mg for 7 days, see the G.P. in his 60s; pain 7/10, uh-huh.";
        Assert.Equal(N(text), N(N(text)));
    }

    [Fact]
    public void Every_manifest_reference_is_its_raw_text_normalized()
    {
        foreach (var item in SpeechSet.Manifest())
            Assert.Equal(item.GetProperty("reference").GetString(), N(item.GetProperty("reference_raw").GetString()!));
    }
}
