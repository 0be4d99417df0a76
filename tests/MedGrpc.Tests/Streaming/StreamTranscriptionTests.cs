using MedGrpc.Client;
using MedGrpc.Tests.Support;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Tests.Streaming;

/// <summary>
/// Live streams through the real server: real PocketSphinx, audio made by ffmpeg from the development recordings, sent as
/// fast as the service takes it.
/// </summary>
[Trait("Suite", "Integration")] // also run on the scale-out backend (scripts/test.sh)
public sealed class StreamTranscriptionTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    // Twelve seconds of dictation: several utterances, a few seconds of engine time.
    private const double Seconds = 12;
    private static readonly string Dictation = SpeechSet.Audio("dev-dict-01.wav");
    private static readonly Lazy<byte[]> Pcm = new(() => StreamAudio.Encode(Dictation, "pcm", Seconds));

    [Fact]
    public async Task The_first_message_back_is_the_session_with_the_settings_it_runs_with()
    {
        var settings = StreamAudio.Settings();
        settings.SessionId = "0f8fad5b-d9cb-469f-a165-70867728950e";

        var responses = await fixture.Server.StreamAllAsync(settings, Pcm.Value);

        var session = responses[0].Session;
        Assert.Equal("0f8fad5b-d9cb-469f-a165-70867728950e", session.SessionId);
        Assert.Equal(MediaEncoding.Pcm, session.MediaEncoding);
        Assert.Equal(16000, session.MediaSampleRateHertz);
        Assert.All(responses.Skip(1), r => Assert.Equal(StreamTranscriptionResponse.EventOneofCase.TranscriptEvent, r.EventCase));
    }

    [Fact]
    public async Task A_session_without_an_id_gets_one()
    {
        var responses = await fixture.Server.StreamAllAsync(StreamAudio.Settings(), StreamAudio.Encode(SpeechSet.Audio("dev-real-goforward.wav"), "pcm", 3));

        Assert.True(Guid.TryParse(responses[0].Session.SessionId, out _));
    }

    [Fact]
    public async Task Each_result_goes_partial_then_final_once_and_the_final_is_its_last()
    {
        var results = (await fixture.Server.StreamAllAsync(StreamAudio.Settings(), Pcm.Value)).Results();

        Assert.Contains(results, r => r.IsPartial);
        var byId = results.GroupBy(r => r.ResultId).ToList();
        foreach (var result in byId)
        {
            Assert.Single(result, r => !r.IsPartial);
            Assert.False(result.Last().IsPartial);
        }
    }

    [Fact]
    public async Task A_pause_ends_a_result_and_the_speech_after_it_starts_another()
    {
        var words = StreamAudio.Encode(SpeechSet.Audio("dev-real-goforward.wav"), "pcm", 3);
        var pause = new byte[32000 * 2]; // two seconds of silence

        var finals = (await fixture.Server.StreamAllAsync(StreamAudio.Settings(), [.. words, .. pause, .. words])).Finals();

        Assert.Equal(2, finals.Count);
        Assert.NotEqual(finals[0].ResultId, finals[1].ResultId);
        Assert.True(finals[1].StartTime >= finals[0].EndTime + 1.5, $"{finals[0].EndTime} then {finals[1].StartTime}");
    }

    [Fact]
    public async Task Finals_read_as_the_batch_transcript_of_the_same_audio()
    {
        var wav = MediaFiles.Convert(Dictation, "stream-vs-batch.wav", "-t", Seconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var batch = await fixture.Server.Jobs.StartAndWaitAsync(Requests.Dictation("stream-vs-batch", fixture.Server.PutFile("media", "stream-vs-batch.wav", wav)));

        var responses = await fixture.Server.StreamAllAsync(StreamAudio.Settings(), Pcm.Value);

        Assert.Equal(batch.Text, responses.FinalText());
        var batchWords = batch.Transcript.Results.Items.Where(i => i.Type == "pronunciation").Select(i => (i.Alternatives[0].Content, i.StartTime, i.Alternatives[0].Confidence));
        var streamWords = responses.Finals().OrderBy(r => r.StartTime).SelectMany(r => r.Alternatives[0].Items).Where(i => i.Type == "pronunciation")
            .Select(i => (i.Content, i.StartTime.ToString("0.0##", System.Globalization.CultureInfo.InvariantCulture), i.Confidence.ToString("0.0###", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(batchWords, streamWords);
    }
}
