using MedGrpc.Tests.Support;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Tests.Polyglot;

/// <summary>
/// A real server on a loopback TCP port and one run of the sample on a short real recording, to
/// completion: the tests of the class look at that one run, each for one behaviour.
/// </summary>
public sealed class SampleFixture<TSample> : IAsyncLifetime where TSample : Sample, new()
{
    public const string CompletedJob = "sample-completed";

    public TSample Sample { get; } = new();

    public TestServer Server { get; private set; } = null!;

    public SampleRun Completed { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await TestServer.StartAsync();
        Server.CreateBucket("out");
        var uri = Server.PutFile("media", "goforward.wav", MediaFiles.GoForward);
        Completed = await Sample.RunAsync(Server, uri, "out", CompletedJob);
    }

    /// <summary>The text of the transcript the service wrote for the job, read from the output bucket.</summary>
    public async Task<string> ServiceTranscriptAsync(string jobName)
    {
        var job = (await Server.Jobs.GetMedicalTranscriptionJobAsync(new GetMedicalTranscriptionJobRequest { MedicalTranscriptionJobName = jobName }))
            .MedicalTranscriptionJob;
        Assert.Equal(TranscriptionJobStatus.Completed, job.TranscriptionJobStatus);
        var location = new Uri(job.Transcript.TranscriptFileUri);
        var json = Server.ReadObjectText(location.Host, location.AbsolutePath.TrimStart('/'))!;
        return Google.Protobuf.JsonParser.Default.Parse<Transcript>(json).Results.Transcripts.Single().Transcript;
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
