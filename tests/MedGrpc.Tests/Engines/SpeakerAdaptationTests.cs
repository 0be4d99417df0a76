using MedGrpc.Core.Ports;
using MedGrpc.Engines.PocketSphinx;
using MedGrpc.Ffmpeg;
using MedGrpc.Tests.Support;
using Microsoft.Extensions.Logging;

namespace MedGrpc.Tests.Engines;

/// <summary>
/// The first 25 s of a development dictation recognised by one real PocketSphinx decoder: plainly, with speaker
/// adaptation (Debian's sphinx_fe, sphinxtrain's bw and mllr_solve), plainly again afterwards, and with adaptation
/// whose tools are missing. Once for all the tests.
/// </summary>
public sealed class SpeakerAdaptationFixture : IAsyncLifetime
{
    private const int Seconds = 25;

    public Recognition Plain { get; private set; } = null!;
    public Recognition Adapted { get; private set; } = null!;
    public Recognition PlainAfterwards { get; private set; } = null!;
    public Recognition WithoutTools { get; private set; } = null!;
    public CapturedLogs AdaptedLogs { get; } = new();
    public CapturedLogs WithoutToolsLogs { get; } = new();
    public string[] TempFoldersBefore { get; private set; } = [];
    public string[] TempFoldersAfter { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var pcm = await MediaFiles.PcmAsync(SpeechSet.Audio("dev-dict-01.wav"), Seconds);
        var options = new PocketSphinxOptions { SpeakerAdaptation = true };
        await Task.Run(() =>
        {
            using var decoder = new PocketSphinxDecoder(options);
            Plain = decoder.Recognize(new MemoryStream(pcm), RecognitionOptions.BestOnly, null, default);
            TempFoldersBefore = AdaptationFolders();
            using (var adaptation = new SpeakerAdaptation(options, AdaptedLogs.CreateLogger("adaptation")))
                Adapted = adaptation.Recognize(decoder, new MemoryStream(pcm), RecognitionOptions.BestOnly, null, default);
            TempFoldersAfter = AdaptationFolders();
            PlainAfterwards = decoder.Recognize(new MemoryStream(pcm), RecognitionOptions.BestOnly, null, default);
            using var missing = new SpeakerAdaptation(new PocketSphinxOptions { SpeakerAdaptation = true, SphinxTrainDir = "/nonexistent/sphinxtrain" },
                WithoutToolsLogs.CreateLogger("adaptation"));
            WithoutTools = missing.Recognize(decoder, new MemoryStream(pcm), RecognitionOptions.BestOnly, null, default);
        });
    }

    private static string[] AdaptationFolders() =>
        Directory.GetDirectories(Path.GetTempPath(), "medgrpc-adaptation-*").Order().ToArray();

    public Task DisposeAsync() => Task.CompletedTask;
}

public sealed class SpeakerAdaptationTests(SpeakerAdaptationFixture fixture) : IClassFixture<SpeakerAdaptationFixture>
{
    [Fact]
    public void Adaptation_runs_end_to_end_and_yields_a_transcript()
    {
        Assert.DoesNotContain(fixture.AdaptedLogs.Entries, e => e.Level >= LogLevel.Information);
        Assert.True(fixture.Adapted.Words.Count() >= 40, $"{fixture.Adapted.Words.Count()} words");
    }

    [Fact]
    public void The_second_pass_hears_through_the_speaker_transform()
    {
        // Same audio, same decoder: only the transformed acoustic model can change words, times or confidences.
        Assert.NotEqual(fixture.Plain.Words, fixture.Adapted.Words);
    }

    [Fact]
    public void The_decoder_is_put_back_as_loaded_after_an_adapted_job()
    {
        Assert.Equal(fixture.Plain.Words, fixture.PlainAfterwards.Words);
    }

    [Fact]
    public void A_missing_tool_leaves_the_first_pass_with_a_warning()
    {
        Assert.Equal(fixture.Plain.Words, fixture.WithoutTools.Words);
        var warning = Assert.Single(fixture.WithoutToolsLogs.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("bw is missing", warning.Message);
    }

    [Fact]
    public void A_job_leaves_no_folder_of_its_own_behind()
    {
        // A job's features, counts and transform go with the job; the model's derived files are kept for the next process.
        Assert.Equal(JobFolders(fixture.TempFoldersBefore), JobFolders(fixture.TempFoldersAfter));
    }

    private static string[] JobFolders(string[] folders) =>
        folders.Where(f => !Path.GetFileName(f).StartsWith("medgrpc-adaptation-model-", StringComparison.Ordinal)).ToArray();

    [Fact]
    public void The_model_files_bw_needs_are_made_once_and_kept()
    {
        Assert.Single(fixture.TempFoldersAfter, f => Path.GetFileName(f).StartsWith("medgrpc-adaptation-model-", StringComparison.Ordinal)
            && File.Exists(Path.Combine(f, "identity.mllr")) && new FileInfo(Path.Combine(f, "mixture_weights")).Length == 7873580);
    }
}
