using MedGrpc.Scoring;

namespace MedGrpc.Tests.Scoring;

public sealed class WordErrorRateTests
{
    private static EditCounts Align(string reference, string hypothesis) =>
        WordErrorRate.Align(reference.Split(' ', StringSplitOptions.RemoveEmptyEntries), hypothesis.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public void A_substitution_and_an_insertion_are_counted_apart() => Assert.Equal(new EditCounts(1, 0, 1), Align("a b c", "a x c d"));

    [Fact]
    public void An_empty_reference_against_a_word_is_one_insertion() => Assert.Equal(new EditCounts(0, 0, 1), Align("", "a"));

    [Fact]
    public void An_empty_hypothesis_deletes_every_reference_word() => Assert.Equal(new EditCounts(0, 2, 0), Align("a b", ""));

    [Fact]
    public void On_a_tie_substitutions_are_preferred_to_a_deletion_and_an_insertion() => Assert.Equal(new EditCounts(2, 0, 0), Align("a b", "b a"));

    [Fact]
    public void The_rate_is_errors_over_reference_words() => Assert.Equal(0.5, WordErrorRate.Rate(["a", "b", "c", "d"], ["a", "x", "c"]));

    [Fact]
    public void An_empty_reference_has_no_rate() => Assert.Null(WordErrorRate.Rate([], ["a"]));
}
