using MedGrpc.Core.Ports;
using MedGrpc.Core.Transcripts;

namespace MedGrpc.Tests.Transcripts;

/// <summary>An engine that punctuates itself (Whisper): its marks become punctuation items, and no sentence is made up.</summary>
public sealed class PunctuatedTranscriptTests
{
    private static readonly Recognition Whispered = new(
    [
        new RecognizedUtterance(
        [
            new RecognizedWord("Hello", 0.0, 0.4, 0.9) { Punctuation = "," },
            new RecognizedWord("doctor", 0.5, 0.9, 0.8) { Punctuation = "." },
            new RecognizedWord("my", 1.0, 1.2, 0.7),
            new RecognizedWord("knee", 1.2, 1.5, 0.6) { Punctuation = "?" },
        ]) { Punctuated = true },
        new RecognizedUtterance([new RecognizedWord("and", 2.0, 2.2, 0.9), new RecognizedWord("then", 2.2, 2.5, 0.9)]) { Punctuated = true },
    ]);

    private static List<(string Type, string Content)> Items(TranscriptDocument document) =>
        document.Results.Items.Select(i => (i.Type, i.Alternatives[0].Content)).ToList();

    [Fact]
    public void The_engine_marks_become_punctuation_items_after_their_words()
    {
        var items = Items(TranscriptBuilder.Build("visit", "1", Whispered));

        Assert.Equal(
        [
            ("pronunciation", "Hello"), ("punctuation", ","), ("pronunciation", "doctor"), ("punctuation", "."),
            ("pronunciation", "my"), ("pronunciation", "knee"), ("punctuation", "?"),
            ("pronunciation", "and"), ("pronunciation", "then"),
        ], items);
    }

    [Fact]
    public void An_utterance_the_engine_left_open_gets_no_full_stop_or_capital()
    {
        var document = TranscriptBuilder.Build("visit", "1", Whispered);

        Assert.Equal("Hello, doctor. my knee? and then", document.Results.Transcripts[0].Transcript);
    }

    [Fact]
    public void A_formatted_word_takes_the_mark_of_the_last_spoken_word_it_joins()
    {
        var recognition = new Recognition(
        [
            new RecognizedUtterance(
            [
                new RecognizedWord("twenty", 0.0, 0.3, 0.9),
                new RecognizedWord("five", 0.3, 0.6, 0.9) { Punctuation = "." },
            ]) { Punctuated = true },
        ]);

        var items = Items(TranscriptBuilder.Build("visit", "1", recognition));

        Assert.Equal([("pronunciation", "25"), ("punctuation", ".")], items);
    }

    [Fact]
    public void Alternatives_segments_of_a_punctuated_utterance_keep_its_marks()
    {
        var document = TranscriptBuilder.Build("visit", "1", new TranscriptInput([Whispered], ShowAlternatives: true));

        Assert.Equal("Hello, doctor. my knee?", document.Results.Segments![0].Alternatives[0].Transcript);
    }
}
