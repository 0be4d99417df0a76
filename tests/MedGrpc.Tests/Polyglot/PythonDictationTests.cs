using System.Diagnostics;
using MedGrpc.Tests.Support;

namespace MedGrpc.Tests.Polyglot;

/// <summary>samples/python's streaming mode (run.sh dictate) against the real service: finals printed one a line.</summary>
public sealed class PythonDictationTests : IAsyncLifetime
{
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Dictate_streams_a_wav_and_prints_the_finals_the_service_sent()
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(S3Server.RepositoryRoot(), "samples", "python", "run.sh"), "dictate",
            new Uri(_server.Address).Authority, MediaFiles.GoForward, "--fast"]);

        var run = await SampleRun.RunAsync(start, TimeSpan.FromMinutes(2));

        Assert.True(run.ExitCode == 0, run.ToString());
        var expected = (await _server.StreamAllAsync(StreamAudio.Settings(), StreamAudio.Encode(MediaFiles.GoForward, "pcm", 10))).FinalText();
        Assert.Equal(expected, run.Output.Trim());
        Assert.StartsWith("Session ", run.Errors);
    }

    [Fact]
    public async Task Dictate_with_an_output_bucket_records_the_session_as_a_completed_job()
    {
        _server.CreateBucket("notes");
        var start = new ProcessStartInfo("bash", [Path.Combine(S3Server.RepositoryRoot(), "samples", "python", "run.sh"), "dictate",
            new Uri(_server.Address).Authority, MediaFiles.GoForward, "--fast", "--output-bucket", "notes"]);

        var run = await SampleRun.RunAsync(start, TimeSpan.FromMinutes(2));

        Assert.True(run.ExitCode == 0, run.ToString());
        var session = run.Errors.Split('\n')[0]["Session ".Length..].Trim();
        Assert.Contains($"Recorded as job {session}", run.Errors);
        var job = (await _server.Jobs.GetMedicalTranscriptionJobAsync(new Transcribe.V1.GetMedicalTranscriptionJobRequest { MedicalTranscriptionJobName = session })).MedicalTranscriptionJob;
        Assert.Equal(Transcribe.V1.TranscriptionJobStatus.Completed, job.TranscriptionJobStatus);
        Assert.Equal($"s3://notes/{session}.json", job.Transcript.TranscriptFileUri);
    }
}
