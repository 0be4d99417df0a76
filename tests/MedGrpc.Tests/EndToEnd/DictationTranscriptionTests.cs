using MedGrpc.Client;
using MedGrpc.Tests.Support;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Tests.EndToEnd;

public sealed class DictationTranscriptionTests : IAsyncLifetime
{
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_real_recording_comes_back_as_words_with_times_and_confidences()
    {
        _server.CreateBucket("out");
        var uri = _server.PutFile("media", "goforward.wav", SpeechSet.Audio("dev-real-goforward.wav"));

        var completed = await _server.Jobs.StartAndWaitAsync(Requests.Dictation("goforward", uri));

        Assert.Equal("s3://out/goforward.json", completed.Job.Transcript.TranscriptFileUri);
        Assert.Contains("forward", completed.Text, StringComparison.OrdinalIgnoreCase);
        var words = completed.Transcript.Results.Items.Where(i => i.Type == "pronunciation").ToList();
        Assert.NotEmpty(words);
        Assert.All(words, w => Assert.True(double.Parse(w.StartTime) < double.Parse(w.EndTime)));
    }
}
