using System.Text.Json;
using MedGrpc.Tests.Support;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Tests.Conversations;

/// <summary>
/// The three conversation settings on the first 30 s of a real doctor–patient conversation of the
/// speech set (doctor on channel 0, patient on channel 1, and the same audio mixed to mono).
/// </summary>
public sealed class ConversationSettingsTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly TestServer _server = fixture.Server;

    private static readonly Lazy<string> TwoChannels = new(() =>
        MediaFiles.Convert(SpeechSet.Audio("dev-conv-01-2ch.flac"), "conv-30s-2ch.wav", "-t", "30"));

    private static readonly Lazy<string> Mono = new(() =>
        MediaFiles.Convert(SpeechSet.Audio("dev-conv-01-mono.mp3"), "conv-30s-mono.wav", "-t", "30"));

    private async Task<JsonElement> TranscribeAsync(string name, string media, Action<MedicalTranscriptionSetting> settings)
    {
        var request = Requests.Dictation(name, _server.PutFile("media", $"{name}.wav", media));
        request.Type = MedicalJobType.Conversation;
        request.Settings = new MedicalTranscriptionSetting();
        settings(request.Settings);
        var job = await _server.RunAsync(request);
        Assert.Equal(TranscriptionJobStatus.Completed, job.TranscriptionJobStatus);
        var json = _server.ReadObjectText("out", $"{name}.json")!;
        return JsonDocument.Parse(json).RootElement.GetProperty("results").Clone();
    }

    private static List<JsonElement> Words(JsonElement items) =>
        items.EnumerateArray().Where(i => i.GetProperty("type").GetString() == "pronunciation").ToList();

    private static double Start(JsonElement item) => double.Parse(item.GetProperty("start_time").GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Channel_identification_labels_every_item_and_lists_each_channel()
    {
        var results = await TranscribeAsync("channels", TwoChannels.Value, s => s.ChannelIdentification = true);

        var channels = results.GetProperty("channel_labels");
        Assert.Equal(2, channels.GetProperty("number_of_channels").GetInt32());
        Assert.Equal(["ch_0", "ch_1"], channels.GetProperty("channels").EnumerateArray().Select(c => c.GetProperty("channel_label").GetString()));
        Assert.All(channels.GetProperty("channels").EnumerateArray(), c => Assert.NotEmpty(Words(c.GetProperty("items"))));
        Assert.All(results.GetProperty("items").EnumerateArray(), i => Assert.StartsWith("ch_", i.GetProperty("channel_label").GetString()));
        Assert.False(results.TryGetProperty("speaker_labels", out _));
    }

    [Fact]
    public async Task Channel_identification_puts_top_level_words_in_time_order()
    {
        var results = await TranscribeAsync("channels-order", TwoChannels.Value, s => s.ChannelIdentification = true);
        var starts = Words(results.GetProperty("items")).Select(Start).ToList();
        Assert.Equal(starts.Order(), starts);
        var perChannel = results.GetProperty("channel_labels").GetProperty("channels").EnumerateArray().Sum(c => Words(c.GetProperty("items")).Count);
        Assert.Equal(perChannel, starts.Count);
    }

    [Fact]
    public async Task Words_land_on_the_channel_of_the_speaker_who_said_them()
    {
        var results = await TranscribeAsync("channels-attribution", TwoChannels.Value, s => s.ChannelIdentification = true);
        var turns = SpeechSet.Manifest().Single(i => i.GetProperty("id").GetString() == "dev-conv-01-2ch").GetProperty("speakers").EnumerateArray()
            .Select(t => (Start: t.GetProperty("start").GetDouble(), End: t.GetProperty("end").GetDouble(), Channel: t.GetProperty("channel").GetInt32()))
            .ToList();
        var words = Words(results.GetProperty("items"));
        var right = words.Count(w =>
        {
            var middle = (Start(w) + double.Parse(w.GetProperty("end_time").GetString()!, System.Globalization.CultureInfo.InvariantCulture)) / 2;
            var turn = turns.FirstOrDefault(t => middle >= t.Start - 0.5 && middle <= t.End + 0.5);
            return turn != default && $"ch_{turn.Channel}" == w.GetProperty("channel_label").GetString();
        });
        Assert.True(right >= 0.95 * words.Count, $"{right} of {words.Count} words on the right channel");
    }

    [Fact]
    public async Task A_mono_file_with_channel_identification_is_its_one_channel()
    {
        var results = await TranscribeAsync("channels-mono", Mono.Value, s => s.ChannelIdentification = true);
        var channels = results.GetProperty("channel_labels");
        Assert.Equal(1, channels.GetProperty("number_of_channels").GetInt32());
        Assert.All(results.GetProperty("items").EnumerateArray(), i => Assert.Equal("ch_0", i.GetProperty("channel_label").GetString()));
    }

    [Fact]
    public async Task Speaker_labels_find_the_two_speakers_of_a_conversation()
    {
        var results = await TranscribeAsync("speakers", Mono.Value, s => { s.ShowSpeakerLabels = true; s.MaxSpeakerLabels = 10; });

        var speakers = results.GetProperty("speaker_labels");
        Assert.Equal(2, speakers.GetProperty("speakers").GetInt32());
        var segments = speakers.GetProperty("segments").EnumerateArray().ToList();
        Assert.Equal("spk_0", segments[0].GetProperty("speaker_label").GetString());
        Assert.Contains(segments, s => s.GetProperty("speaker_label").GetString() == "spk_1");
        Assert.All(Words(results.GetProperty("items")), w => Assert.Matches("^spk_[01]$", w.GetProperty("speaker_label").GetString()!));
        Assert.All(segments, s => Assert.All(s.GetProperty("items").EnumerateArray(),
            i => Assert.Equal(s.GetProperty("speaker_label").GetString(), i.GetProperty("speaker_label").GetString())));
        Assert.False(results.TryGetProperty("channel_labels", out _));
    }

    [Fact]
    public async Task More_speakers_than_the_maximum_merge_into_it()
    {
        var results = await TranscribeAsync("speakers-capped", Mono.Value, s => { s.ShowSpeakerLabels = true; s.MaxSpeakerLabels = 2; });
        Assert.InRange(results.GetProperty("speaker_labels").GetProperty("speakers").GetInt32(), 1, 2);
    }

    [Fact]
    public async Task Alternatives_give_each_pause_delimited_segment_distinct_readings_best_first()
    {
        var results = await TranscribeAsync("alternatives", Mono.Value, s => { s.ShowAlternatives = true; s.MaxAlternatives = 3; });

        var segments = results.GetProperty("segments").EnumerateArray().ToList();
        Assert.NotEmpty(segments);
        foreach (var segment in segments)
        {
            var alternatives = segment.GetProperty("alternatives").EnumerateArray().Select(a => a.GetProperty("transcript").GetString()!).ToList();
            Assert.InRange(alternatives.Count, 1, 3);
            Assert.Equal(alternatives.Count, alternatives.Distinct().Count());
        }
        Assert.True(segments.Count(s => s.GetProperty("alternatives").GetArrayLength() >= 2) >= 0.8 * segments.Count);
        var firsts = string.Join(" ", segments.Select(s => s.GetProperty("alternatives")[0].GetProperty("transcript").GetString()));
        Assert.Equal(results.GetProperty("transcripts")[0].GetProperty("transcript").GetString(), firsts);
    }
}
