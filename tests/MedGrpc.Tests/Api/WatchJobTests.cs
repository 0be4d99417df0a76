using Grpc.Core;
using MedGrpc.Client;
using MedGrpc.Core.Ports;
using MedGrpc.Tests.Support;
using MedGrpc.Transcribe.V1;
using Microsoft.Extensions.DependencyInjection;

namespace MedGrpc.Tests.Api;

[Trait("Suite", "Integration")] // also run on the scale-out backend (scripts/test.sh)
public sealed class WatchJobTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly TestServer _server = fixture.Server;

    private async Task<string> StartAsync(string name, string audio = "dev-real-librivox-0870.wav")
    {
        var uri = _server.PutFile("media", $"{name}.wav", SpeechSet.Audio(audio));
        await _server.Jobs.StartMedicalTranscriptionJobAsync(Requests.Dictation(name, uri));
        return name;
    }

    [Fact]
    public async Task Events_run_from_the_current_state_through_each_transition_to_completed()
    {
        var events = await _server.WatchToEndAsync(await StartAsync("watch-order"));

        var statuses = events.Select(e => e.MedicalTranscriptionJob.TranscriptionJobStatus).ToList();
        Assert.Equal(TranscriptionJobStatus.Completed, statuses[^1]);
        Assert.Equal(statuses.OrderBy(s => s is TranscriptionJobStatus.Completed ? 9 : (int)s), statuses); // never backwards
        Assert.Contains(TranscriptionJobStatus.InProgress, statuses);
        Assert.Single(statuses, TranscriptionJobStatus.Completed);
    }

    [Fact]
    public async Task Progress_only_rises_and_ends_at_100()
    {
        var events = await _server.WatchToEndAsync(await StartAsync("watch-progress"));
        var progress = events.Select(e => e.ProgressPercent).ToList();
        Assert.Equal(progress.Order(), progress);
        Assert.Equal(100, progress[^1]);
        Assert.Contains(events, e => e.Stage == "recognize" && e.ProgressPercent is > 5 and < 95);
    }

    [Fact]
    public async Task Only_the_terminal_event_carries_the_transcript_and_it_matches_the_object()
    {
        var events = await _server.WatchToEndAsync(await StartAsync("watch-transcript"));
        Assert.All(events.SkipLast(1), e => Assert.Null(e.Transcript));
        var transcript = events[^1].Transcript;
        Assert.Equal("watch-transcript", transcript.JobName);
        Assert.Equal("COMPLETED", transcript.Status);
        var json = _server.ReadObjectText("out", "watch-transcript.json")!;
        Assert.Equal(Google.Protobuf.JsonParser.Default.Parse<Transcript>(json), transcript);
        var word = transcript.Results.Items.First(i => i.Type == "pronunciation");
        Assert.True(word.HasStartTime);
        Assert.NotEmpty(word.Alternatives[0].Confidence);
    }

    [Fact]
    public async Task Watching_a_finished_job_yields_its_terminal_event_at_once()
    {
        await _server.WatchToEndAsync(await StartAsync("watch-finished"));
        var again = await _server.WatchToEndAsync("watch-finished", TimeSpan.FromSeconds(10));
        var only = Assert.Single(again);
        Assert.Equal(TranscriptionJobStatus.Completed, only.MedicalTranscriptionJob.TranscriptionJobStatus);
        Assert.NotNull(only.Transcript);
    }

    [Fact]
    public async Task Many_watchers_of_one_job_each_see_it_complete()
    {
        var name = await StartAsync("watch-many");
        var watchers = Enumerable.Range(0, 20).Select(_ => _server.WatchToEndAsync(name)).ToList();
        var results = await Task.WhenAll(watchers);
        Assert.All(results, events => Assert.Equal(TranscriptionJobStatus.Completed, events[^1].MedicalTranscriptionJob.TranscriptionJobStatus));
    }

    [Fact]
    public async Task A_watcher_that_never_reads_does_not_hold_the_job_back()
    {
        var name = await StartAsync("watch-slow");
        using var stalled = _server.Jobs.WatchJob(new WatchJobRequest { MedicalTranscriptionJobName = name }); // never read
        var events = await _server.WatchToEndAsync(name);
        Assert.Equal(TranscriptionJobStatus.Completed, events[^1].MedicalTranscriptionJob.TranscriptionJobStatus);
    }

    [Fact]
    public async Task A_watcher_that_disconnects_leaves_nothing_behind()
    {
        var name = await StartAsync("watch-leave", "dev-dict-03.mp3");
        var events = _server.Services.GetRequiredService<IJobEvents>();
        using (var cts = new CancellationTokenSource())
        {
            await using var enumerator = _server.Jobs.WatchAsync(name, cts.Token).GetAsyncEnumerator(cts.Token);
            Assert.True(await enumerator.MoveNextAsync());
            cts.Cancel();
        }
        await WaitUntilAsync(() => events.WatcherCount == 0);
        Assert.Equal(0, events.WatcherCount);
        await _server.WatchToEndAsync(name);
    }

    [Fact]
    public async Task Watching_an_unknown_job_is_a_bad_request()
    {
        var e = await Assert.ThrowsAsync<MedicalTranscriptionException>(async () =>
        {
            await foreach (var _ in _server.Jobs.WatchAsync("nobody")) { }
        });
        Assert.Equal("BadRequestException", e.AwsError);
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
    }

    [Fact]
    public async Task A_failed_job_ends_the_stream_with_its_failure_reason()
    {
        var uri = _server.PutFile("media", "watch-failed.wav", MediaFiles.Tone("watch-failed.wav", 0.2, 16000));
        await _server.Jobs.StartMedicalTranscriptionJobAsync(Requests.Dictation("watch-failed", uri));
        var last = (await _server.WatchToEndAsync("watch-failed"))[^1];
        Assert.Equal(TranscriptionJobStatus.Failed, last.MedicalTranscriptionJob.TranscriptionJobStatus);
        Assert.StartsWith("The input media file length is too small", last.MedicalTranscriptionJob.FailureReason);
        Assert.Null(last.Transcript);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++) await Task.Delay(50);
    }
}
