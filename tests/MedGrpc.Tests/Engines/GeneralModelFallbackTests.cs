using MedGrpc.Core.Ports;
using MedGrpc.Engines.PocketSphinx;
using MedGrpc.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MedGrpc.Tests.Engines;

/// <summary>
/// The general model's own decoder cannot load (its model folder lacks Debian's dictionary, which the mix's decoder does
/// not read): everyday speech keeps the mix's first pass, with a warning, and the job does not fail. Real decoders, a real
/// telephone prompt.
/// </summary>
public sealed class GeneralModelFallbackTests : IDisposable
{
    private readonly string _modelDir = Directory.CreateTempSubdirectory("medgrpc-model-").FullName;

    public GeneralModelFallbackTests()
    {
        var debian = new PocketSphinxOptions().ModelDir;
        Directory.CreateSymbolicLink(Path.Combine(_modelDir, "en-us"), Path.Combine(debian, "en-us"));
        File.CreateSymbolicLink(Path.Combine(_modelDir, "en-us.lm.bin"), Path.Combine(debian, "en-us.lm.bin"));
    }

    [Fact]
    public async Task Everyday_speech_keeps_its_first_pass_when_the_general_models_decoder_cannot_load()
    {
        var pcm = await MediaFiles.PcmAsync(Path.Combine(Path.GetDirectoryName(SpeechSet.Root)!, "real-speech", "audio", "real-asterisk-tt-allbusy.flac"));
        var logs = new CapturedLogs();

        var firstPass = await Recognize(new PocketSphinxOptions { ModelDir = _modelDir, RecordingModelChoice = false }, pcm, new CapturedLogs());
        var chosen = await Recognize(new PocketSphinxOptions { ModelDir = _modelDir }, pcm, logs);

        Assert.Equal(firstPass.Words.Select(w => w.Text), chosen.Words.Select(w => w.Text));
        var warning = Assert.Single(logs.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("keeps its first pass", warning.Message);
    }

    private static async Task<Recognition> Recognize(PocketSphinxOptions options, byte[] pcm, CapturedLogs logs)
    {
        using var factory = new LoggerFactory([logs]);
        using var engine = new PocketSphinxEngine(Options.Create(options), factory.CreateLogger<PocketSphinxEngine>());
        return await engine.RecognizeAsync(new MemoryStream(pcm), RecognitionOptions.BestOnly, null, default);
    }

    public void Dispose() => Directory.Delete(_modelDir, recursive: true);
}
