using System.Globalization;
using System.Text.Json;
using MedGrpc.Client;
using MedGrpc.Tests.Support;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Tests.EndToEnd;

/// <summary>
/// A whole job through the service with MedGrpc:Engine=whisper, on the model the tests write (random
/// weights, so the words are noise): the transcript must still be AWS's layout, its items consistent
/// with one another and with the audio.
/// </summary>
public sealed class WhisperJobTests : IAsyncLifetime
{
    private const double RecordingSeconds = 7.1;
    private TestServer _server = null!;

    public async Task InitializeAsync()
    {
        // One whisper.cpp thread: on a shared two-core machine its spinning workers only slow each other down.
        _server = new TestServer(workers: 1, settings: ["--MedGrpc:Engine=whisper", $"--MedGrpc:Whisper:ModelPath={TinyWhisperModel.Shared}", "--MedGrpc:Whisper:Threads=1"]);
        await _server.StartAppAsync();
        _server.CreateBucket("out");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_job_on_the_Whisper_engine_completes_with_a_transcript_in_the_AWS_layout()
    {
        var uri = _server.PutFile("media", "librivox.wav", SpeechSet.Audio("dev-real-librivox-0870.wav"));

        var completed = await _server.Jobs.StartAndWaitAsync(Requests.Dictation("whisper-job", uri));

        Assert.Equal(TranscriptionJobStatus.Completed, completed.Job.TranscriptionJobStatus);
        using var json = JsonDocument.Parse(_server.ReadObjectText("out", "whisper-job.json")!);
        var root = json.RootElement;
        Assert.Equal(["jobName", "accountId", "status", "results"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("COMPLETED", root.GetProperty("status").GetString());
        var results = root.GetProperty("results");
        Assert.Equal(JsonValueKind.String, results.GetProperty("transcripts")[0].GetProperty("transcript").ValueKind);
        Assert.Equal(JsonValueKind.Array, results.GetProperty("items").ValueKind);
    }

    [Fact]
    public async Task Its_items_are_timed_inside_the_audio_with_confidences_and_spell_out_the_transcript_text()
    {
        var uri = _server.PutFile("media", "librivox-items.wav", SpeechSet.Audio("dev-real-librivox-0870.wav"));

        await _server.Jobs.StartAndWaitAsync(Requests.Dictation("whisper-items", uri));

        using var json = JsonDocument.Parse(_server.ReadObjectText("out", "whisper-items.json")!);
        var results = json.RootElement.GetProperty("results");
        var items = results.GetProperty("items").EnumerateArray().ToList();
        // The seeded model hears this recording as a word: no item would mean the pipeline lost it.
        Assert.Contains(items, i => i.GetProperty("type").GetString() == "pronunciation");
        var text = new System.Text.StringBuilder();
        double previousStart = 0;
        foreach (var item in items)
        {
            var alternative = item.GetProperty("alternatives")[0];
            var content = alternative.GetProperty("content").GetString()!;
            var confidence = double.Parse(alternative.GetProperty("confidence").GetString()!, CultureInfo.InvariantCulture);
            Assert.InRange(confidence, 0, 1);
            Assert.NotEmpty(content);
            if (item.GetProperty("type").GetString() == "pronunciation")
            {
                var start = double.Parse(item.GetProperty("start_time").GetString()!, CultureInfo.InvariantCulture);
                var end = double.Parse(item.GetProperty("end_time").GetString()!, CultureInfo.InvariantCulture);
                Assert.InRange(start, previousStart, end);
                Assert.InRange(end, start, RecordingSeconds + 0.01);
                previousStart = start;
                if (text.Length > 0) text.Append(' ');
            }
            else
            {
                Assert.Equal("punctuation", item.GetProperty("type").GetString());
                Assert.False(item.TryGetProperty("start_time", out _));
                Assert.Contains(content, new[] { ".", ",", "?", "!", ";", ":" });
            }
            text.Append(content);
        }
        Assert.Equal(text.ToString(), results.GetProperty("transcripts")[0].GetProperty("transcript").GetString());
    }
}
