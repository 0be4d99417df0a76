using MedGrpc.Tests.Support;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Tests.Streaming;

/// <summary>Each stream setting through the real server, real engine and real codecs.</summary>
[Trait("Suite", "Integration")] // also run on the scale-out backend (scripts/test.sh)
public sealed class StreamSettingsTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const double Seconds = 8;
    private static readonly string Dictation = SpeechSet.Audio("dev-dict-01.wav");

    private async Task<string> TextOfAsync(StreamSettings settings, byte[] audio) => (await fixture.Server.StreamAllAsync(settings, audio)).FinalText();

    [Fact]
    public async Task Flac_decodes_to_the_very_words_of_the_same_pcm()
    {
        var pcm = await TextOfAsync(StreamAudio.Settings(), StreamAudio.Encode(Dictation, "pcm", Seconds));

        var flac = await TextOfAsync(StreamAudio.Settings("flac"), StreamAudio.Encode(Dictation, "flac", Seconds));

        // flac is lossless and the live decoder drops no samples (LiveAudioDecoderTests): the very same words.
        Assert.NotEmpty(pcm);
        Assert.Equal(pcm, flac);
    }

    [Fact]
    public async Task Ogg_opus_at_48_kHz_is_decoded_and_transcribed()
    {
        var text = await TextOfAsync(StreamAudio.Settings("ogg-opus", 48000), StreamAudio.Encode(Dictation, "ogg-opus", Seconds, sampleRate: 48000));

        Assert.Contains("history", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("skin", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Pcm_at_44_1_kHz_is_resampled_and_transcribed()
    {
        var text = await TextOfAsync(StreamAudio.Settings("pcm", 44100), StreamAudio.Encode(Dictation, "pcm", Seconds, sampleRate: 44100));

        Assert.Contains("history", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("skin", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Every_streaming_specialty_is_accepted()
    {
        var audio = StreamAudio.Encode(SpeechSet.Audio("dev-real-goforward.wav"), "pcm", 3);
        foreach (var specialty in new[] { Specialty.Cardiology, Specialty.Neurology, Specialty.Oncology, Specialty.Radiology, Specialty.Urology })
        {
            var settings = StreamAudio.Settings();
            settings.Specialty = specialty;

            var responses = await fixture.Server.StreamAllAsync(settings, audio);

            Assert.Equal(specialty, responses[0].Session.Specialty);
        }
    }

    [Fact]
    public async Task Channel_identification_transcribes_each_channel_of_interleaved_pcm_on_its_own()
    {
        var settings = StreamAudio.Settings();
        settings.Type = MedicalJobType.Conversation;
        settings.EnableChannelIdentification = true;
        settings.NumberOfChannels = 2;

        // A different recording on each channel, interleaved as pcm carries two channels.
        var left = StreamAudio.Encode(SpeechSet.Audio("dev-real-goforward.wav"), "pcm", 3);
        var right = StreamAudio.Encode(SpeechSet.Audio("dev-real-librivox-0870.wav"), "pcm", 8);
        var both = new byte[Math.Max(left.Length, right.Length) * 2];
        for (var i = 0; i + 1 < both.Length / 2; i += 2)
        {
            if (i + 1 < left.Length) { both[2 * i] = left[i]; both[2 * i + 1] = left[i + 1]; }
            if (i + 1 < right.Length) { both[2 * i + 2] = right[i]; both[2 * i + 3] = right[i + 1]; }
        }
        var leftAlone = await TextOfAsync(StreamAudio.Settings(), left);
        var rightAlone = await TextOfAsync(StreamAudio.Settings(), right);

        var finals = (await fixture.Server.StreamAllAsync(settings, both)).Finals();

        Assert.Equal(leftAlone, string.Join(' ', finals.Where(r => r.ChannelId == "ch_0").Select(r => r.Alternatives[0].Transcript)));
        Assert.Equal(rightAlone, string.Join(' ', finals.Where(r => r.ChannelId == "ch_1").Select(r => r.Alternatives[0].Transcript)));
    }

    [Fact]
    public async Task Speaker_labels_mark_every_word_of_a_final()
    {
        var settings = StreamAudio.Settings();
        settings.Type = MedicalJobType.Conversation;
        settings.ShowSpeakerLabel = true;

        var finals = (await fixture.Server.StreamAllAsync(settings, StreamAudio.Encode(SpeechSet.Audio("dev-conv-04-mono.flac"), "pcm", 20))).Finals();

        var words = finals.SelectMany(r => r.Alternatives[0].Items).Where(i => i.Type == "pronunciation").ToList();
        Assert.NotEmpty(words);
        Assert.All(words, w => Assert.Matches("^spk_[01]$", w.Speaker));
    }

    [Fact]
    public async Task PHI_identification_puts_entities_on_finals_at_their_words_times()
    {
        var audio = StreamAudio.Encode(SpokenAudio.Say("stream-phi.wav", "the patient is a forty two year old man. his phone number is five five five one two three four."), "pcm", 30);
        var settings = StreamAudio.Settings();
        settings.ContentIdentificationType = ContentIdentificationType.Phi;

        var results = (await fixture.Server.StreamAllAsync(settings, audio)).Results();

        var entities = results.Where(r => !r.IsPartial).SelectMany(r => r.Alternatives[0].Entities.Select(e => (r, e))).ToList();
        Assert.NotEmpty(entities);
        Assert.All(results.Where(r => r.IsPartial), r => Assert.Empty(r.Alternatives[0].Entities));
        foreach (var (result, entity) in entities)
        {
            var items = result.Alternatives[0].Items;
            Assert.Contains(items, i => i.StartTime == entity.StartTime);
            Assert.Contains(items, i => i.EndTime == entity.EndTime);
        }
    }

    [Fact]
    public async Task A_READY_vocabulary_of_the_caller_is_recognised()
    {
        await fixture.Server.CreateVocabularyAsync("stream-drugs", "mavacamten\t\t\tMavacamten");
        var settings = StreamAudio.Settings();
        settings.VocabularyName = "stream-drugs";

        var responses = await fixture.Server.StreamAllAsync(settings,
            StreamAudio.Encode(SpokenAudio.Say("stream-vocabulary.wav", "the patient was started on mavacamten last month."), "pcm", 30));

        Assert.Equal("stream-drugs", responses[0].Session.VocabularyName);
        Assert.Contains("Mavacamten", responses.FinalText());
    }
}
