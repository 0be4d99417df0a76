using Grpc.Net.Client;
using MedGrpc.Client;
using MedGrpc.Service;
using MedGrpc.Transcribe.V1;
using Microsoft.AspNetCore.Builder;

namespace MedGrpc.Cli.Tests.Support;

/// <summary>
/// The real service on a loopback port with a data dir of its own, buckets "media" (holding the speech set's
/// goforward recording and a file that is no audio) and "out", and the tool pointed at it.
/// </summary>
public sealed class CliServer : IAsyncLifetime
{
    public const string MediaBucket = "media";
    public const string OutputBucket = "out";

    private WebApplication _app = null!;
    private GrpcChannel _channel = null!;

    public string DataDir { get; } = Path.Combine(Path.GetTempPath(), "medgrpc-cli-tests", Guid.NewGuid().ToString("N"));

    public string Address { get; private set; } = "";

    public MedicalTranscription.MedicalTranscriptionClient Jobs => new(_channel);

    /// <summary>s3:// URI of the speech set's 2.8 s real recording.</summary>
    public string GoForwardUri { get; } = $"s3://{MediaBucket}/goforward.wav";

    /// <summary>s3:// URI of a few bytes of text named .wav: a job of it FAILS with "Unsupported media format".</summary>
    public string NotAudioUri { get; } = $"s3://{MediaBucket}/not-audio.wav";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(BucketPath(OutputBucket));
        Directory.CreateDirectory(BucketPath(MediaBucket));
        File.Copy(SpeechSet.GoForward, Path.Combine(BucketPath(MediaBucket), "goforward.wav"));
        File.WriteAllText(Path.Combine(BucketPath(MediaBucket), "not-audio.wav"), "this is no audio");

        _app = ServiceHost.Build(
        [
            "--urls=http://127.0.0.1:0",
            "--Kestrel:EndpointDefaults:Protocols=Http2",
            $"--MedGrpc:DataDir={DataDir}",
            "--MedGrpc:Workers=2",
            "--Logging:LogLevel:Default=Warning",
            "--MedGrpc:Metrics:Port=0",
            "--MedGrpc:AwsApi:Port=0",
        ]);
        await _app.StartAsync();
        Address = _app.Urls.First();
        _channel = GrpcChannel.ForAddress(Address);
    }

    public string BucketPath(string bucket) => Path.Combine(DataDir, "buckets", bucket);

    /// <summary>Runs medgrpc with --address pointing at this server.</summary>
    public Task<ToolRun> ToolAsync(params string[] args) => MedGrpcTool.RunAsync([.. args, "--address", Address]);

    /// <summary>A job name no other test uses.</summary>
    public static string NewName(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 200)];

    public static StartMedicalTranscriptionJobRequest Dictation(string name, string mediaUri) => new()
    {
        MedicalTranscriptionJobName = name,
        LanguageCode = LanguageCode.EnUs,
        Media = new Media { MediaFileUri = mediaUri },
        OutputBucketName = OutputBucket,
        Specialty = Specialty.Primarycare,
        Type = MedicalJobType.Dictation,
    };

    /// <summary>Starts a job through the client library, without waiting for it.</summary>
    public async Task StartAsync(string name, string mediaUri) =>
        await Jobs.StartMedicalTranscriptionJobAsync(Dictation(name, mediaUri));

    /// <summary>A COMPLETED job of the goforward recording, made through the client library.</summary>
    public async Task<CompletedJob> CompletedJobAsync(string name) => await Jobs.StartAndWaitAsync(Dictation(name, GoForwardUri));

    /// <summary>A FAILED job ("Unsupported media format"), made through the client library.</summary>
    public async Task FailedJobAsync(string name)
    {
        await Assert.ThrowsAsync<MedicalTranscriptionJobFailedException>(() => Jobs.StartAndWaitAsync(Dictation(name, NotAudioUri)));
    }

    public async Task DisposeAsync()
    {
        _channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        try { Directory.Delete(DataDir, recursive: true); }
        catch (IOException) { }
    }
}
