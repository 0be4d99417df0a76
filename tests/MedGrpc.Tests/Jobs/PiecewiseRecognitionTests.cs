using MedGrpc.Client;
using MedGrpc.Core.Engines;
using MedGrpc.Core.Jobs;
using MedGrpc.Core.Media;
using MedGrpc.Core.Ports;
using MedGrpc.Engines.PocketSphinx;
using MedGrpc.Ffmpeg;
using MedGrpc.Scoring;
using MedGrpc.Tests.Support;
using MedGrpc.Transcribe.V1;
using Microsoft.Extensions.Logging.Abstractions;

namespace MedGrpc.Tests.Jobs;

/// <summary>
/// A dictation of 68 s recognised by the real PocketSphinx engine three ways, once each for all the tests:
/// whole by the engine itself, through <see cref="ChunkedRecognition"/> with JobParallelism 1, and cut at
/// pauses into pieces recognised two at a time.
/// </summary>
public sealed class PiecewiseRecognitionFixture : IAsyncLifetime
{
    public const string Item = "dev-dict-01";
    public const double Seconds = 68.113;

    public Recognition Engine { get; private set; } = null!;
    public Recognition JobParallelismOne { get; private set; } = null!;
    public Recognition Pieces { get; private set; } = null!;
    public List<double> PieceProgress { get; } = [];

    /// <summary>The boundaries the engine's follower notes when the PCM comes in reads of 4096 bytes, and of 333.</summary>
    public (List<long> Even, List<long> Odd) Boundaries { get; } = ([], []);

    /// <summary>Where the chunker cuts the recording with the engine following it, and whether each cut is at a boundary it noted.</summary>
    public List<(long Sample, bool AtBoundary)> Cuts { get; } = [];

    public async Task InitializeAsync()
    {
        using var engine = new PocketSphinxEngine(Microsoft.Extensions.Options.Options.Create(new PocketSphinxOptions()), NullLogger<PocketSphinxEngine>.Instance);
        var pool = new DecoderPool(2);
        var recognitions = await Task.WhenAll(
            RecognizeAsync(pcm => engine.RecognizeAsync(pcm, RecognitionOptions.BestOnly, null, default)),
            RecognizeAsync(pcm => Chunked(engine, pool, 1).RecognizeAsync(pcm, RecognitionOptions.BestOnly, () => new Progress<double>(), default)));
        (Engine, JobParallelismOne) = (recognitions[0], recognitions[1]);
        var parts = new List<double>();
        Pieces = await RecognizeAsync(pcm => Chunked(engine, pool, 2).RecognizeAsync(pcm, RecognitionOptions.BestOnly, () =>
        {
            lock (parts) parts.Add(0);
            var index = parts.Count - 1;
            return new Reported(seconds => { lock (parts) parts[index] = seconds; });
        }, default));
        PieceProgress.AddRange(parts);

        using var audio = new MediaDecoder().Start(SpeechSet.Audio($"{Item}.wav"));
        using var boundaries = engine.FollowUtterances();
        var chunker = new PauseChunker(audio.Pcm, ((ITranscriptionEngine)engine).Chunking, boundaries);
        while (await chunker.NextAsync(default) is { } chunk)
            using (chunk)
                if (chunk.Index > 0) Cuts.Add((chunk.StartSample, chunk.StartBoundary is not null));
        await audio.CompleteAsync(default);

        var pcm = await MediaFiles.PcmAsync(SpeechSet.Audio($"{Item}.wav"));
        foreach (var (size, found) in new[] { (4096, Boundaries.Even), (333, Boundaries.Odd) })
        {
            using var follower = engine.FollowUtterances();
            for (var at = 0; at < pcm.Length; at += size)
                found.AddRange(follower.Follow(pcm.AsSpan(at, Math.Min(size, pcm.Length - at))).Select(b => b.Sample));
        }
    }

    private static ChunkedRecognition Chunked(ITranscriptionEngine engine, DecoderPool pool, int parallelism) =>
        new(engine, pool, $"job-{parallelism}", parallelism, new SemaphoreSlim(parallelism));

    private static async Task<Recognition> RecognizeAsync(Func<Stream, Task<Recognition>> recognize)
    {
        using var audio = new MediaDecoder().Start(SpeechSet.Audio($"{Item}.wav"));
        var recognition = await recognize(audio.Pcm);
        await audio.CompleteAsync(default);
        return recognition;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private sealed class Reported(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}

public sealed class PiecewiseRecognitionTests(PiecewiseRecognitionFixture fixture) : IClassFixture<PiecewiseRecognitionFixture>
{
    [Fact]
    public void JobParallelism_1_gives_exactly_what_the_engine_gives_for_the_recording_whole()
    {
        Assert.Equal(fixture.Engine.Words, fixture.JobParallelismOne.Words);
    }

    [Fact]
    public void The_recording_is_cut_into_pieces()
    {
        Assert.InRange(fixture.PieceProgress.Count, 2, 3); // 68 s: a cut between 20 and 60 s, perhaps a second
    }

    [Fact]
    public void Every_cut_falls_at_an_utterance_boundary_the_engine_noted_on_its_own_read_grid()
    {
        Assert.NotEmpty(fixture.Cuts);
        Assert.All(fixture.Cuts, cut => Assert.True(cut.AtBoundary, $"the cut at sample {cut.Sample} is at a pause, not at an utterance boundary"));
        // The decoder reads 2048 samples at a time and ends utterances only between reads.
        Assert.All(fixture.Cuts, cut => Assert.Equal(0, cut.Sample % 2048));
    }

    [Fact]
    public void The_engine_notes_the_same_boundaries_however_the_stream_is_split()
    {
        Assert.NotEmpty(fixture.Boundaries.Even);
        Assert.Equal(fixture.Boundaries.Even, fixture.Boundaries.Odd);
    }

    [Fact]
    public void Pieces_cut_at_utterance_boundaries_are_heard_as_the_same_utterances_as_the_recording_whole()
    {
        Assert.Equal(fixture.Engine.Utterances.Count, fixture.Pieces.Utterances.Count);
    }

    [Fact]
    public void Words_of_the_pieces_come_back_in_order_with_times_from_the_start_of_the_recording()
    {
        var words = fixture.Pieces.Words.ToList();

        Assert.All(words.Zip(words.Skip(1)), pair => Assert.True(pair.First.EndSeconds <= pair.Second.StartSeconds,
            $"'{pair.First.Text}' ends at {pair.First.EndSeconds} after '{pair.Second.Text}' starts at {pair.Second.StartSeconds}"));
        Assert.InRange(words[^1].EndSeconds, PiecewiseRecognitionFixture.Seconds - 10, PiecewiseRecognitionFixture.Seconds);
    }

    [Fact]
    public void Pieces_are_recognised_within_two_points_of_word_error_rate_of_the_recording_whole()
    {
        var reference = Normalizer.NormalizeTokens(SpeechSet.Manifest().Single(i => i.GetProperty("id").GetString() == PiecewiseRecognitionFixture.Item).GetProperty("reference").GetString());

        var whole = WordErrorRate.Rate(reference, Normalizer.NormalizeTokens(string.Join(' ', fixture.Engine.Words.Select(w => w.Text))))!.Value;
        var pieces = WordErrorRate.Rate(reference, Normalizer.NormalizeTokens(string.Join(' ', fixture.Pieces.Words.Select(w => w.Text))))!.Value;

        Assert.True(Math.Abs(pieces - whole) <= 0.02, $"WER whole {whole:P1}, in pieces {pieces:P1}");
    }

    [Fact]
    public void Progress_counts_every_second_of_every_piece()
    {
        Assert.Equal(PiecewiseRecognitionFixture.Seconds, fixture.PieceProgress.Sum(), 0.1);
    }
}

/// <summary>A job with JobParallelism 2 through the whole service: its transcript and its WatchJob progress.</summary>
public sealed class PiecewiseJobTests : IAsyncLifetime
{
    private readonly TestServer _server = new(workers: 1, settings: ["--MedGrpc:JobParallelism=2", "--MedGrpc:Decoders=2"]);

    public Task InitializeAsync() => _server.StartAppAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_job_in_pieces_writes_one_transcript_in_time_order_and_reports_progress_across_the_pieces()
    {
        _server.CreateBucket("out");
        var uri = _server.PutFile("media", "dictation.wav", SpeechSet.Audio($"{PiecewiseRecognitionFixture.Item}.wav"));
        var progress = new List<int>();

        var completed = await _server.Jobs.StartAndWaitAsync(Requests.Dictation("in-pieces", uri),
            new Collect(e => { if (e.Stage == "recognize") progress.Add(e.ProgressPercent); }));

        var starts = completed.Transcript.Results.Items.Where(i => i.Type == "pronunciation").Select(i => double.Parse(i.StartTime, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(starts.Order(), starts);
        Assert.True(starts[^1] > 50, $"the last word starts at {starts[^1]} s");
        Assert.Equal(progress.Order(), progress);
        Assert.True(progress.Count(p => p > 5) >= 5 && progress[^1] >= 85, string.Join(", ", progress));
    }

    private sealed class Collect(Action<JobEvent> collect) : IProgress<JobEvent>
    {
        public void Report(JobEvent value) => collect(value);
    }
}
