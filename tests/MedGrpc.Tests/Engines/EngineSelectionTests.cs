using MedGrpc.Service;
using MedGrpc.Core.Ports;
using MedGrpc.Engines.PocketSphinx;
using MedGrpc.Engines.Whisper;
using MedGrpc.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MedGrpc.Tests.Engines;

/// <summary>MedGrpc:Engine picks the engine per deployment; the service is built (not started) as Program builds it.</summary>
public sealed class EngineSelectionTests : IDisposable
{
    private readonly TempDataDir _data = new();

    private async Task<ITranscriptionEngine> EngineOfAsync(params string[] settings)
    {
        await using var app = ServiceHost.Build([$"--MedGrpc:DataDir={_data.Path}", "--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", .. settings]);
        return app.Services.GetRequiredService<ITranscriptionEngine>();
    }

    [Fact]
    public async Task PocketSphinx_is_the_engine_when_none_is_configured()
    {
        Assert.IsType<PocketSphinxEngine>(await EngineOfAsync());
    }

    [Fact]
    public async Task Engine_whisper_with_a_model_file_selects_the_Whisper_engine()
    {
        Assert.IsType<WhisperEngine>(await EngineOfAsync("--MedGrpc:Engine=Whisper", $"--MedGrpc:Whisper:ModelPath={TinyWhisperModel.Shared}"));
    }

    [Fact]
    public async Task Engine_whisper_without_its_model_stops_the_start_naming_the_file_and_the_download_command()
    {
        var dir = Path.Combine(_data.Path, "models", "whisper");
        var model = Path.Combine(dir, "ggml-base.en.bin");

        var e = await Assert.ThrowsAsync<FileNotFoundException>(() => EngineOfAsync("--MedGrpc:Engine=whisper", $"--MedGrpc:Whisper:ModelPath={model}"));

        Assert.Contains($"The Whisper model file '{model}' is missing", e.Message);
        Assert.Contains($"medgrpc models download base.en --dir {dir}", e.Message);
    }

    [Fact]
    public async Task An_unknown_engine_stops_the_start_naming_the_ones_there_are()
    {
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => EngineOfAsync("--MedGrpc:Engine=kaldi"));

        Assert.Equal("MedGrpc:Engine is 'kaldi': use 'pocketsphinx' or 'whisper'.", e.Message);
    }

    public void Dispose() => _data.Dispose();
}
