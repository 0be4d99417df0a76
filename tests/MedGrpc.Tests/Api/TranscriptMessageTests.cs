using System.Text.Json;
using MedGrpc.Core.Ports;
using MedGrpc.Core.Transcripts;
using MedGrpc.Service.Api;

namespace MedGrpc.Tests.Api;

/// <summary>The transcript message of WatchJob's COMPLETED event, parsed from the JSON object AWS-style parsers read.</summary>
public sealed class TranscriptMessageTests
{
    private static readonly Recognition Utterance = new([new RecognizedUtterance([new RecognizedWord("hello", 0.64, 1.09, 0.98)])]);

    private static MedGrpc.Transcribe.V1.TranscriptItem FirstSegmentItem()
    {
        var json = JsonSerializer.Serialize(TranscriptBuilder.Build("visit", "1", new TranscriptInput([Utterance], ShowAlternatives: true)), TranscriptWriter.Json);
        return TranscriptMessage.Parse(json).Results.Segments[0].Alternatives[0].Items[0];
    }

    [Fact]
    public void Flat_segment_items_keep_their_confidence_and_content()
    {
        var item = FirstSegmentItem();
        Assert.Equal("Hello", item.Content);
        Assert.Equal("0.98", item.Confidence);
        Assert.Equal("0.64", item.StartTime);
    }

    [Fact]
    public void Flat_segment_items_are_nested_too_for_clients_of_the_earlier_shape()
    {
        var alternative = Assert.Single(FirstSegmentItem().Alternatives);
        Assert.Equal("Hello", alternative.Content);
        Assert.Equal("0.98", alternative.Confidence);
    }
}
