using MedGrpc.Engines.Whisper;
using Whisper.net;

namespace MedGrpc.Tests.Engines;

/// <summary>How one Whisper segment, as Whisper.net hands it over, becomes timed words: exact output for known tokens.</summary>
public sealed class WhisperSegmentWordsTests
{
    private static WhisperToken Token(string text, long start, long end, float probability = 0.9f) =>
        new() { Text = text, Start = start, End = end, Probability = probability };

    private static SegmentData Segment(double start, double end, params WhisperToken[] tokens) =>
        new(string.Concat(tokens.Select(t => t.Text)), TimeSpan.FromSeconds(start), TimeSpan.FromSeconds(end), 0, 1, 0.5f, 0, "en", tokens);

    [Fact]
    public void Tokens_after_a_leading_space_start_words_and_the_rest_continue_them()
    {
        var segment = Segment(0, 3, Token(" Start", 10, 40), Token("ed", 40, 60), Token(" on", 70, 90), Token(" tir", 100, 130), Token("zep", 130, 160), Token("atide", 160, 200));

        var words = WhisperSegmentWords.ToUtterance(segment, 0, 10)!.Words;

        Assert.Equal(["Started", "on", "tirzepatide"], words.Select(w => w.Text));
    }

    [Fact]
    public void A_word_runs_from_its_first_token_start_to_its_last_token_end_after_the_offset()
    {
        var segment = Segment(0, 3, Token(" Start", 10, 40), Token("ed", 40, 60), Token(" on", 70, 90));

        var words = WhisperSegmentWords.ToUtterance(segment, 600, 10)!.Words;

        Assert.Equal([(600.1, 600.6), (600.7, 600.9)], words.Select(w => (Math.Round(w.StartSeconds, 3), Math.Round(w.EndSeconds, 3))));
    }

    [Fact]
    public void A_word_confidence_is_the_product_of_its_token_probabilities()
    {
        var segment = Segment(0, 3, Token(" tir", 0, 10, 0.9f), Token("zep", 10, 20, 0.5f), Token("atide", 20, 30, 0.8f));

        var word = Assert.Single(WhisperSegmentWords.ToUtterance(segment, 0, 10)!.Words);

        Assert.Equal(0.36, word.Confidence, 5);
    }

    [Fact]
    public void Marks_after_a_word_become_its_punctuation_and_leave_its_text()
    {
        var segment = Segment(0, 3, Token(" Hello", 0, 30), Token(",", 30, 30), Token(" doctor", 40, 80), Token(".", 80, 80), Token(" Pain", 90, 120), Token("?", 120, 120));

        var words = WhisperSegmentWords.ToUtterance(segment, 0, 10)!.Words;

        Assert.Equal([("Hello", ","), ("doctor", "."), ("Pain", "?")], words.Select(w => (w.Text, w.Punctuation)));
    }

    [Fact]
    public void A_token_of_marks_alone_punctuates_the_word_before_it()
    {
        var segment = Segment(0, 3, Token(" well", 0, 30), Token(" ...", 30, 40), Token(" yes", 50, 60));

        var words = WhisperSegmentWords.ToUtterance(segment, 0, 10)!.Words;

        Assert.Equal([("well", "."), ("yes", null)], words.Select(w => (w.Text, w.Punctuation)));
    }

    [Fact]
    public void Abbreviations_keep_their_full_stops_and_decimals_their_points()
    {
        var segment = Segment(0, 3, Token(" e.g.", 0, 30), Token(" 2.5", 30, 60), Token(" mg", 60, 80), Token(".", 80, 80));

        var words = WhisperSegmentWords.ToUtterance(segment, 0, 10)!.Words;

        Assert.Equal([("e.g.", null), ("2.5", null), ("mg", ".")], words.Select(w => (w.Text, w.Punctuation)));
    }

    [Fact]
    public void Special_tokens_are_not_words()
    {
        var segment = Segment(0, 3, Token("[_BEG_]", 0, 0), Token(" yes", 10, 30), Token("[_TT_150]", 300, 300), Token("<|endoftext|>", 300, 300));

        var word = Assert.Single(WhisperSegmentWords.ToUtterance(segment, 0, 10)!.Words);

        Assert.Equal("yes", word.Text);
    }

    [Fact]
    public void A_segment_without_words_is_no_utterance()
    {
        var segment = Segment(0, 3, Token("[_BEG_]", 0, 0), Token("[_TT_150]", 300, 300));

        Assert.Null(WhisperSegmentWords.ToUtterance(segment, 0, 10));
    }

    [Fact]
    public void Times_past_the_segment_or_the_audio_are_held_inside_them()
    {
        // Random or confused decoding stamps times past the audio (a 5 s block ending at 24 s).
        var segment = Segment(0.5, 24, Token(" one", 20, 300), Token(" two", 450, 2400));

        var words = WhisperSegmentWords.ToUtterance(segment, 0, 5)!.Words;

        Assert.Equal([(0.5, 3.0), (4.5, 5.0)], words.Select(w => (w.StartSeconds, w.EndSeconds)));
    }

    [Fact]
    public void A_token_without_times_takes_the_segment_bounds()
    {
        var segment = Segment(1, 2, Token(" yes", -1, -1));

        var word = Assert.Single(WhisperSegmentWords.ToUtterance(segment, 0, 10)!.Words);

        Assert.Equal((1.0, 2.0), (word.StartSeconds, word.EndSeconds));
    }

    [Fact]
    public void The_utterance_is_marked_punctuated_and_offers_no_alternatives()
    {
        var utterance = WhisperSegmentWords.ToUtterance(Segment(0, 1, Token(" yes", 0, 50)), 0, 10)!;

        Assert.True(utterance.Punctuated);
        Assert.Empty(utterance.Alternatives);
    }
}
