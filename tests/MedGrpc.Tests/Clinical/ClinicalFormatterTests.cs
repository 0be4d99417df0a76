using MedGrpc.Core.Clinical.Formatting;
using MedGrpc.Core.Ports;

namespace MedGrpc.Tests.Clinical;

public sealed class ClinicalFormatterTests
{
    /// <summary>Spoken words one second apart (word k from k to k + 0.5), confidence 0.9 except where given.</summary>
    private static List<RecognizedWord> Words(string text, params (int Index, double Confidence)[] confidences) =>
        text.Split(' ').Select((w, k) => new RecognizedWord(w, k, k + 0.5, confidences.Where(c => c.Index == k).Select(c => c.Confidence).DefaultIfEmpty(0.9).First())).ToList();

    private static string Format(string text) => string.Join(' ', ClinicalFormatter.Format(Words(text)).Select(w => w.Text));

    [Theory]
    [InlineData("forty two", "42")]
    [InlineData("one hundred and five", "105")]
    [InlineData("a hundred", "100")]
    [InlineData("two thousand twenty four", "2024")]
    [InlineData("eleven", "11")]
    public void Numbers_above_ten_are_written_in_digits(string spoken, string written) => Assert.Equal(written, Format(spoken));

    [Theory]
    [InlineData("ten days")]
    [InlineData("two weeks")]
    [InlineData("one to ten")]
    public void Numbers_of_ten_and_below_stay_words(string spoken) => Assert.Equal(spoken, Format(spoken));

    [Fact]
    public void A_digit_string_read_out_stays_words() => Assert.Equal("five five five one two three four", Format("five five five one two three four"));

    [Theory]
    [InlineData("fifty percent", "50%")]
    [InlineData("five percent", "5%")]
    [InlineData("two point five percent", "2.5%")]
    public void Percentages_are_written_with_the_percent_sign(string spoken, string written) => Assert.Equal(written, Format(spoken));

    [Theory]
    [InlineData("forty milligrams", "40 mg")]
    [InlineData("five milligrams", "5 mg")]
    [InlineData("two point five milliliters", "2.5 mL")]
    [InlineData("seventy kilograms", "70 kg")]
    [InlineData("fifty micrograms", "50 mcg")]
    [InlineData("three centimeters", "3 cm")]
    [InlineData("seventy two beats per minute", "72 bpm")]
    [InlineData("ninety millimeters of mercury", "90 mmHg")]
    [InlineData("five grams", "5 g")]
    public void Units_after_a_number_are_abbreviated_and_the_number_is_digits(string spoken, string written) => Assert.Equal(written, Format(spoken));

    [Fact]
    public void A_unit_word_without_a_number_is_left_alone() => Assert.Equal("milligrams of it", Format("milligrams of it"));

    [Theory]
    [InlineData("one twenty over eighty", "120/80")]
    [InlineData("one hundred twenty over eighty", "120/80")]
    [InlineData("one forty five over ninety five", "145/95")]
    [InlineData("ninety over sixty", "90/60")]
    public void Blood_pressure_over_is_written_as_a_fraction(string spoken, string written) => Assert.Equal(written, Format(spoken));

    [Fact]
    public void A_pair_like_one_twenty_is_only_read_as_a_hundred_and_twenty_before_over() => Assert.Equal("one 20", Format("one twenty"));

    [Fact]
    public void Over_without_numbers_on_both_sides_is_a_word() => Assert.Equal("over the counter", Format("over the counter"));

    [Theory]
    [InlineData("two point five", "2.5")]
    [InlineData("thirty eight point five", "38.5")]
    [InlineData("zero point one two", "0.12")]
    public void Decimals_are_written_in_digits(string spoken, string written) => Assert.Equal(written, Format(spoken));

    [Fact]
    public void A_score_out_of_ten_is_written_as_a_fraction() => Assert.Equal("7/10", Format("seven out of ten"));

    [Theory]
    [InlineData("twenty first", "21st")]
    [InlineData("thirteenth", "13th")]
    [InlineData("third", "third")]
    public void Ordinals_above_tenth_are_digits(string spoken, string written) => Assert.Equal(written, Format(spoken));

    [Theory]
    [InlineData("march third twenty twenty four", "March 3rd 2024")]
    [InlineData("june fifteenth", "June 15th")]
    [InlineData("july fourth nineteen sixty", "July 4th 1960")]
    [InlineData("may twenty twenty", "May 2020")]
    public void Dates_capitalise_the_month_and_write_day_and_year_in_digits(string spoken, string written) => Assert.Equal(written, Format(spoken));

    [Fact]
    public void A_month_word_alone_is_left_alone() => Assert.Equal("you may go", Format("you may go"));

    [Theory]
    [InlineData("so i think", "so I think")]
    [InlineData("i'm fine", "I'm fine")]
    public void The_pronoun_I_is_capitalised(string spoken, string written) => Assert.Equal(written, Format(spoken));

    [Theory]
    [InlineData("raised c r p and e s r", "raised CRP and ESR")]
    [InlineData("seen in the t i a clinic", "seen in the TIA clinic")]
    [InlineData("see your g p", "see your GP")]
    public void Spelled_letters_are_written_as_the_acronym(string spoken, string written) => Assert.Equal(written, Format(spoken));

    [Fact]
    public void Letters_i_and_a_stay_words_outside_a_known_acronym() => Assert.Equal("so I a", Format("so i a"));

    [Fact]
    public void No_part_of_a_longer_spelled_run_is_taken_for_an_acronym() =>
        Assert.Equal("seven a b c one two three", Format("seven a b c one two three"));

    [Fact]
    public void A_formatted_word_spans_its_spoken_words_with_the_lowest_confidence()
    {
        var word = Assert.Single(ClinicalFormatter.Format(Words("one twenty over eighty", (2, 0.4))));
        Assert.Equal(0, word.StartSeconds);
        Assert.Equal(3.5, word.EndSeconds);
        Assert.Equal(0.4, word.Confidence);
        Assert.Equal((0, 4), (word.First, word.Count));
    }

    [Fact]
    public void A_number_and_its_unit_are_two_words_each_with_its_own_times()
    {
        var words = ClinicalFormatter.Format(Words("take forty milligrams"));
        Assert.Equal(["take", "40", "mg"], words.Select(w => w.Text));
        Assert.Equal((1.0, 1.5), (words[1].StartSeconds, words[1].EndSeconds));
        Assert.Equal((2.0, 2.5), (words[2].StartSeconds, words[2].EndSeconds));
    }

    [Fact]
    public void Every_spoken_word_is_covered_once_and_in_order()
    {
        var spoken = Words("she is forty two and takes five milligrams bp one twenty over eighty on march third");
        var formatted = ClinicalFormatter.Format(spoken);
        Assert.Equal(Enumerable.Range(0, spoken.Count), formatted.SelectMany(f => Enumerable.Range(f.First, f.Count)));
    }

    [Fact]
    public void A_word_written_by_a_vocabulary_is_never_changed_nor_merged()
    {
        var words = Words("fifty");
        words.Add(new RecognizedWord("Percent Clinic", 1, 1.5, 0.9));
        Assert.Equal(["50", "Percent Clinic"], ClinicalFormatter.Format(words).Select(w => w.Text));
    }
}
