using MedGrpc.Core.Options;
using MedGrpc.Core.Ports;
using MedGrpc.Engines.Whisper;
using MedGrpc.Ffmpeg;
using MedGrpc.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace MedGrpc.Tests.Engines;

/// <summary>
/// The Whisper engine on the real Whisper.net native runtime with a model the test writes itself
/// (random weights: the words are noise, the pipeline is real). What holds for any output is asserted.
/// </summary>
public sealed class WhisperEngineTests
{
    private const string Recording = "dev-real-librivox-0870.wav";
    private const double RecordingSeconds = 7.1; // real speech, as the manifest gives it

    // One thread: on a shared two-core machine ggml's spinning worker threads only slow each other down.
    private static WhisperEngine Engine(string modelPath) => new(
        Microsoft.Extensions.Options.Options.Create(new MedGrpcOptions { Workers = 1 }),
        Microsoft.Extensions.Options.Options.Create(new WhisperOptions { ModelPath = modelPath, Threads = 1 }),
        NullLogger<WhisperEngine>.Instance);

    private static async Task<(Recognition Recognition, List<double> Progress, double Duration)> RecognizeAsync(WhisperEngine engine, RecognitionOptions options)
    {
        using var audio = new MediaDecoder().Start(SpeechSet.Audio(Recording));
        var progress = new List<double>();
        var recognition = await engine.RecognizeAsync(audio.Pcm, options, new SynchronousProgress(progress), CancellationToken.None);
        await audio.CompleteAsync(CancellationToken.None);
        return (recognition, progress, RecordingSeconds);
    }

    [Fact]
    public async Task A_generated_model_transcribes_real_speech_into_words_inside_the_audio()
    {
        using var engine = Engine(TinyWhisperModel.Shared);

        var (recognition, _, duration) = await RecognizeAsync(engine, RecognitionOptions.BestOnly);

        // Noise, but deterministic: the seeded model hears this recording as one word. None would mean the pipeline lost it.
        Assert.NotEmpty(recognition.Words);
        Assert.All(recognition.Utterances, u => Assert.True(u.Punctuated));
        Assert.All(recognition.Words, w =>
        {
            Assert.False(string.IsNullOrWhiteSpace(w.Text));
            Assert.InRange(w.StartSeconds, 0, w.EndSeconds);
            Assert.InRange(w.EndSeconds, w.StartSeconds, duration + 0.01);
            Assert.InRange(w.Confidence, 0, 1);
        });
        var starts = recognition.Words.Select(w => w.StartSeconds).ToList();
        Assert.Equal(starts.Order(), starts);
    }

    [Fact]
    public async Task Progress_runs_to_the_end_of_the_audio()
    {
        using var engine = Engine(TinyWhisperModel.Shared);

        var (_, progress, duration) = await RecognizeAsync(engine, RecognitionOptions.BestOnly);

        Assert.NotEmpty(progress);
        Assert.Equal(progress.Order(), progress);
        Assert.InRange(progress[^1], duration - 0.01, duration + 0.01);
    }

    [Fact]
    public async Task A_job_vocabulary_goes_in_as_a_prompt_without_breaking_decoding()
    {
        using var engine = Engine(TinyWhisperModel.Shared);
        var vocabulary = new RecognitionVocabulary("test@1",
        [
            new MedGrpc.Core.Model.VocabularyPhrase("mavacamten", [], "Mavacamten"),
            new MedGrpc.Core.Model.VocabularyPhrase("tirzepatide", [], "Tirzepatide"),
        ]);

        var (recognition, _, duration) = await RecognizeAsync(engine, new RecognitionOptions(Vocabulary: vocabulary));

        Assert.All(recognition.Words, w => Assert.InRange(w.EndSeconds, 0, duration + 0.01));
    }

    [Fact]
    public async Task A_cancelled_recognition_ends_as_cancelled_so_the_job_is_handed_back()
    {
        using var engine = Engine(TinyWhisperModel.Shared);
        using var audio = new MediaDecoder().Start(SpeechSet.Audio("dev-dict-01.wav")); // 68 s: three windows to decode
        using var cancel = new CancellationTokenSource();
        var progress = new CancelAtFirstReport(cancel);

        var recognition = engine.RecognizeAsync(audio.Pcm, RecognitionOptions.BestOnly, progress, cancel.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => recognition);
    }

    [Fact]
    public void A_missing_model_file_is_named_with_the_command_that_downloads_it()
    {
        var path = Path.Combine(Path.GetTempPath(), "medgrpc-tests", Guid.NewGuid().ToString("N"), "ggml-large-v3-turbo.bin");

        var e = Assert.Throws<FileNotFoundException>(() => Engine(path));

        Assert.Contains($"'{path}'", e.Message);
        Assert.Contains($"medgrpc models download large-v3-turbo --dir {Path.GetDirectoryName(path)}", e.Message);
    }

    [Fact]
    public void A_file_that_is_not_a_ggml_model_stops_the_engine_with_the_file_named()
    {
        var path = Path.Combine(Path.GetTempPath(), "medgrpc-tests", $"ggml-broken-{Guid.NewGuid():N}.bin");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "not a model");
        try
        {
            var e = Assert.Throws<InvalidOperationException>(() => Engine(path));

            Assert.Contains($"'{path}'", e.Message);
            Assert.Contains("bad magic", e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Cancels the recognition as soon as whisper.cpp reports that it is under way.</summary>
    private sealed class CancelAtFirstReport(CancellationTokenSource cancel) : IProgress<double>
    {
        public void Report(double value) => cancel.Cancel();
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool; the test wants every report, in order, when the call returns.</summary>
    private sealed class SynchronousProgress(List<double> reports) : IProgress<double>
    {
        public void Report(double value)
        {
            lock (reports) reports.Add(value);
        }
    }
}
