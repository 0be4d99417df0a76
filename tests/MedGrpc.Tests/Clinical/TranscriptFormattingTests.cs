using MedGrpc.Core.Ports;
using MedGrpc.Core.Transcripts;

namespace MedGrpc.Tests.Clinical;

public sealed class TranscriptFormattingTests
{
    private static RecognizedUtterance Utterance(string text, double from) =>
        new(text.Split(' ').Select((w, k) => new RecognizedWord(w, from + k, from + k + 0.5, 0.9)).ToList());

    private static readonly Recognition Reading = new([Utterance("blood pressure one twenty over eighty", 0), Utterance("she is forty two years old", 10)]);

    [Fact]
    public void The_transcript_text_is_the_formatted_items()
    {
        var results = TranscriptBuilder.Build("j", "1", Reading).Results;
        Assert.Equal("Blood pressure 120/80. She is 42 years old.", results.Transcripts[0].Transcript);
        Assert.Equal(results.Transcripts[0].Transcript, TranscriptBuilder.TextOf(results.Items));
    }

    [Fact]
    public void A_formatted_item_starts_at_its_first_word_and_ends_at_its_last()
    {
        var item = TranscriptBuilder.Build("j", "1", Reading).Results.Items[2];
        Assert.Equal(("120/80", "2.0", "5.5"), (item.Alternatives[0].Content, item.StartTime, item.EndTime));
    }

    [Fact]
    public void Channel_items_are_formatted_as_the_main_items()
    {
        var results = TranscriptBuilder.Build("j", "1", new TranscriptInput([Reading], ChannelIdentification: true)).Results;
        Assert.Equal(results.Items.Select(i => i.Alternatives[0].Content), results.ChannelLabels!.Channels[0].Items.Select(i => i.Alternatives[0].Content));
    }

    [Fact]
    public void Alternative_segments_are_formatted_too()
    {
        var utterance = Utterance("forty milligrams", 0) with
        {
            Alternatives = [new RecognizedHypothesis([new("fifty", 0, 0.5, 0.3), new("milligrams", 1, 1.5, 0.3)], 0.3)],
        };
        var segment = Assert.Single(TranscriptBuilder.Build("j", "1", new TranscriptInput([new Recognition([utterance])], ShowAlternatives: true)).Results.Segments!);
        Assert.Equal(["40 mg.", "50 mg."], segment.Alternatives.Select(a => a.Transcript));
    }

    [Fact]
    public void Entities_are_present_only_when_PHI_is_asked_for()
    {
        Assert.Null(TranscriptBuilder.Build("j", "1", Reading).Results.Entities);
        var entity = Assert.Single(TranscriptBuilder.Build("j", "1", new TranscriptInput([Reading], IdentifyPhi: true)).Results.Entities!);
        Assert.Equal(("42", "PHI-Personal", 12.0, 13.5), (entity.Content, entity.Category, entity.StartTime, entity.EndTime));
    }
}
