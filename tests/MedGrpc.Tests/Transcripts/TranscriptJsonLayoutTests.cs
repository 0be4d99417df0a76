using System.Text.Json;
using MedGrpc.Core.Ports;
using MedGrpc.Core.Transcripts;

namespace MedGrpc.Tests.Transcripts;

public sealed class TranscriptJsonLayoutTests
{
    private static readonly Recognition TwoUtterances = new(
    [
        new RecognizedUtterance([new RecognizedWord("hello", 0.64, 1.09, 0.98), new RecognizedWord("doctor", 1.1, 1.5, 0.5)]),
        new RecognizedUtterance([new RecognizedWord("i", 2.0, 2.1, 0.91234), new RecognizedWord("feel", 2.1, 2.4, 1.0)]),
    ]);

    private static JsonElement Serialize(TranscriptDocument document) =>
        JsonDocument.Parse(JsonSerializer.Serialize(document, TranscriptWriter.Json)).RootElement;

    [Fact]
    public void The_top_level_carries_jobName_accountId_status_and_results()
    {
        var json = Serialize(TranscriptBuilder.Build("visit", "123456789012", TwoUtterances));
        Assert.Equal(["jobName", "accountId", "status", "results"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal("visit", json.GetProperty("jobName").GetString());
        Assert.Equal("123456789012", json.GetProperty("accountId").GetString());
        Assert.Equal("COMPLETED", json.GetProperty("status").GetString());
    }

    [Fact]
    public void Pronunciation_items_carry_times_and_confidence_as_strings()
    {
        var item = Serialize(TranscriptBuilder.Build("visit", "1", TwoUtterances)).GetProperty("results").GetProperty("items")[0];
        Assert.Equal("0.64", item.GetProperty("start_time").GetString());
        Assert.Equal("1.09", item.GetProperty("end_time").GetString());
        Assert.Equal("pronunciation", item.GetProperty("type").GetString());
        Assert.Equal("0.98", item.GetProperty("alternatives")[0].GetProperty("confidence").GetString());
        Assert.Equal("Hello", item.GetProperty("alternatives")[0].GetProperty("content").GetString());
    }

    [Fact]
    public void Confidences_are_rounded_to_four_places()
    {
        var item = Serialize(TranscriptBuilder.Build("visit", "1", TwoUtterances)).GetProperty("results").GetProperty("items")[3];
        Assert.Equal("0.9123", item.GetProperty("alternatives")[0].GetProperty("confidence").GetString());
    }

    [Fact]
    public void Punctuation_items_have_no_times_and_a_zero_confidence()
    {
        var item = Serialize(TranscriptBuilder.Build("visit", "1", TwoUtterances)).GetProperty("results").GetProperty("items")[2];
        Assert.Equal("punctuation", item.GetProperty("type").GetString());
        Assert.False(item.TryGetProperty("start_time", out _));
        Assert.False(item.TryGetProperty("end_time", out _));
        Assert.Equal("0.0", item.GetProperty("alternatives")[0].GetProperty("confidence").GetString());
        Assert.Equal(".", item.GetProperty("alternatives")[0].GetProperty("content").GetString());
    }

    [Fact]
    public void Each_utterance_is_a_capitalised_sentence_and_the_text_agrees_with_the_items()
    {
        var json = Serialize(TranscriptBuilder.Build("visit", "1", TwoUtterances));
        Assert.Equal("Hello doctor. I feel.", json.GetProperty("results").GetProperty("transcripts")[0].GetProperty("transcript").GetString());
    }

    [Fact]
    public void Sections_for_settings_not_asked_for_are_absent()
    {
        var results = Serialize(TranscriptBuilder.Build("visit", "1", TwoUtterances)).GetProperty("results");
        foreach (var absent in new[] { "speaker_labels", "channel_labels", "segments", "entities" })
            Assert.False(results.TryGetProperty(absent, out _), absent);
    }

    [Fact]
    public void Silence_gives_an_empty_transcript_and_no_items()
    {
        var results = Serialize(TranscriptBuilder.Build("visit", "1", new Recognition([]))).GetProperty("results");
        Assert.Equal("", results.GetProperty("transcripts")[0].GetProperty("transcript").GetString());
        Assert.Equal(0, results.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public void Optional_sections_use_the_AWS_names_when_present()
    {
        var document = TranscriptBuilder.Build("visit", "1", TwoUtterances);
        var withAll = document with
        {
            Results = document.Results with
            {
                SpeakerLabels = new SpeakerLabels(1, [new SpeakerSegment("0.64", "1.5", "spk_0", [new SpeakerItem("0.64", "1.09", "spk_0")])]),
                ChannelLabels = new ChannelLabels(1, [new ChannelTranscript("ch_0", [])]),
                Segments = [new AlternativeSegment("0.64", "1.5", [new SegmentAlternative("Hello doctor.", [])])],
                Entities = [new Entity("Bertrand", "PHI-Personal", 0.92, 1.2, 0.9989)],
            },
        };
        var results = Serialize(withAll).GetProperty("results");
        Assert.Equal("spk_0", results.GetProperty("speaker_labels").GetProperty("segments")[0].GetProperty("speaker_label").GetString());
        Assert.Equal(1, results.GetProperty("channel_labels").GetProperty("number_of_channels").GetInt32());
        Assert.Equal("Hello doctor.", results.GetProperty("segments")[0].GetProperty("alternatives")[0].GetProperty("transcript").GetString());
        var entity = results.GetProperty("entities")[0];
        Assert.Equal(0.92, entity.GetProperty("startTime").GetDouble());
        Assert.Equal(0.9989, entity.GetProperty("confidence").GetDouble());
    }
    [Fact]
    public void Items_of_alternative_segments_are_flat_as_AWS_writes_them()
    {
        var document = TranscriptBuilder.Build("visit", "1", new TranscriptInput([TwoUtterances], ShowAlternatives: true));
        var items = Serialize(document).GetProperty("results").GetProperty("segments")[0].GetProperty("alternatives")[0].GetProperty("items");

        var word = items[0];
        Assert.Equal(["confidence", "content", "end_time", "start_time", "type"], word.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("0.64", word.GetProperty("start_time").GetString());
        Assert.Equal("1.09", word.GetProperty("end_time").GetString());
        Assert.Equal("0.98", word.GetProperty("confidence").GetString());
        Assert.Equal("Hello", word.GetProperty("content").GetString());
        Assert.Equal("pronunciation", word.GetProperty("type").GetString());
        var mark = items[2];
        Assert.Equal(["confidence", "content", "type"], mark.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(".", mark.GetProperty("content").GetString());
    }
}
