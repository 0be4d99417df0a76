using MedGrpc.Client;
using MedGrpc.Scoring;
using MedGrpc.Tests.Support;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Tests.EndToEnd;

/// <summary>
/// The speech set's real human recordings through the whole service, scored by the project's scorer
/// (bench/MedGrpc.Scoring): the transcripts must be real recognition, not just well-formed JSON.
/// </summary>
public sealed class RealRecordingsTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly TestServer _server = fixture.Server;

    [Fact]
    public async Task Real_recordings_are_transcribed_with_a_word_error_rate_of_at_most_40_percent()
    {
        var items = SpeechSet.Manifest().Where(i => i.GetProperty("type").GetString() == "REAL").ToList();
        Assert.NotEmpty(items);
        var hypDir = Directory.CreateDirectory(Path.Combine(_server.DataDir, "hyp")).FullName;

        await Task.WhenAll(items.Select(async item =>
        {
            var id = item.GetProperty("id").GetString()!;
            var uri = _server.PutFile("media", Path.GetFileName(item.GetProperty("file").GetString()!), Path.Combine(SpeechSet.Root, item.GetProperty("file").GetString()!));
            var completed = await _server.Jobs.StartAndWaitAsync(Requests.Dictation(id, uri));
            File.WriteAllBytes(Path.Combine(hypDir, $"{id}.json"), _server.ReadObject("out", $"{id}.json")!);
            Assert.NotEmpty(completed.Text);
        }));

        var overall = SpeechSetScorer.Score(Path.Combine(SpeechSet.Root, "manifest.jsonl"), hypDir,
            new ScoreOptions { Types = ["REAL"], SkipMissing = true }).Overall;
        Assert.Equal(items.Count, overall.Items);
        Assert.Equal(0, overall.Missing);
        Assert.NotNull(overall.Wer);
        Assert.InRange(overall.Wer.Value, 0, 0.40);
    }

    [Fact]
    public async Task Fifty_jobs_started_at_once_all_complete()
    {
        var uri = _server.PutFile("media", "burst.wav", MediaFiles.GoForward);
        var names = Enumerable.Range(0, 50).Select(i => $"burst-{i:D2}").ToList();
        await Task.WhenAll(names.Select(n => _server.Jobs.StartMedicalTranscriptionJobAsync(Requests.Dictation(n, uri)).ResponseAsync));

        var ends = await Task.WhenAll(names.Select(async n => (await _server.WatchToEndAsync(n))[^1].MedicalTranscriptionJob.TranscriptionJobStatus));

        Assert.All(ends, status => Assert.Equal(TranscriptionJobStatus.Completed, status));
        Assert.Equal(50, names.Count(n => _server.ObjectExists("out", $"{n}.json")));
    }
}
