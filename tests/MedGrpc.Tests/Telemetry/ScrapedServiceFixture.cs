using MedGrpc.Tests.Support;
using MedGrpc.Transcribe.V1;
using Grpc.Core;

namespace MedGrpc.Tests.Telemetry;

/// <summary>
/// A real service process after real jobs — one COMPLETED, one FAILED on media that isn't audio, one
/// call refused — and one scrape of its metrics endpoint. A process of its own, so no other test's jobs count.
/// </summary>
public sealed class ScrapedServiceFixture : IAsyncLifetime
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "medgrpc-tests", Guid.NewGuid().ToString("N"));
    private readonly int _metricsPort = FreePort.Next();
    private ServiceProcess _service = null!;

    /// <summary>The endpoint's text, in Prometheus exposition format.</summary>
    public string Scrape { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var media = Path.Combine(_dataDir, "buckets", "media");
        Directory.CreateDirectory(media);
        Directory.CreateDirectory(Path.Combine(_dataDir, "buckets", "out"));
        File.Copy(MediaFiles.GoForward, Path.Combine(media, "speech.wav"));
        await File.WriteAllTextAsync(Path.Combine(media, "not-audio.wav"), "this is no audio");
        _service = await ServiceProcess.StartAsync($"--MedGrpc:DataDir={_dataDir}", $"--MedGrpc:Metrics:Port={_metricsPort}");

        await RunAsync("metrics-completed", "s3://media/speech.wav");
        await RunAsync("metrics-failed", "s3://media/not-audio.wav");
        await Assert.ThrowsAsync<RpcException>(() =>
            _service.Jobs.GetMedicalTranscriptionJobAsync(new GetMedicalTranscriptionJobRequest { MedicalTranscriptionJobName = "no-such-job" }).ResponseAsync);

        using var http = new HttpClient();
        Scrape = await http.GetStringAsync($"http://localhost:{_metricsPort}/metrics");
    }

    public async Task DisposeAsync()
    {
        await _service.DisposeAsync();
        try { Directory.Delete(_dataDir, recursive: true); }
        catch (IOException) { }
    }

    private async Task RunAsync(string name, string media)
    {
        await _service.Jobs.StartMedicalTranscriptionJobAsync(Requests.Dictation(name, media));
        await _service.Jobs.WatchToEndAsync(name);
    }
}
