using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using MedGrpc.Tests.Support;

namespace MedGrpc.Tests.Polyglot;

/// <summary>
/// What every sample client does, whatever its language: starts a job, prints each WatchJob event,
/// prints the transcript and exits 0 when the job completes; exits 1 with the reason when it fails;
/// sends MEDGRPC_API_KEY as x-api-key. Each language's class runs these against its own sample.
/// </summary>
public abstract partial class SampleBehaviour<TSample>(SampleFixture<TSample> fixture) : IClassFixture<SampleFixture<TSample>>
    where TSample : Sample, new()
{
    private const string Key = "a-long-random-api-key-for-the-samples";

    [GeneratedRegex(@"^(QUEUED|IN_PROGRESS|COMPLETED|FAILED) [a-z]+ \d{1,3}%$")]
    private static partial Regex EventLine();

    [Fact]
    public void A_completed_job_exits_0()
    {
        Assert.True(fixture.Completed.ExitCode == 0, fixture.Completed.ToString());
    }

    [Fact]
    public void Each_WatchJob_event_is_printed_through_COMPLETED_at_100_percent()
    {
        var events = fixture.Completed.EventLines;
        Assert.True(events.Count >= 2, fixture.Completed.ToString()); // at least the current state and the ending
        Assert.All(events, line => Assert.Matches(EventLine(), line));
        Assert.Equal("COMPLETED completed 100%", events[^1]);
        Assert.Contains(events, line => line.StartsWith("IN_PROGRESS ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_printed_transcript_is_the_one_the_service_wrote()
    {
        var printed = fixture.Completed.Transcript;
        Assert.False(string.IsNullOrWhiteSpace(printed), fixture.Completed.ToString());
        Assert.Equal(await fixture.ServiceTranscriptAsync(SampleFixture<TSample>.CompletedJob), printed);
    }

    [Fact]
    public async Task A_failed_job_exits_1_with_its_failure_reason()
    {
        // Bytes no decoder reads: the service takes the job, then fails it at the media probe.
        var uri = fixture.Server.PutBytes("media", "not-audio.wav", Encoding.UTF8.GetBytes("these bytes are not a recording of anything"));
        var run = await fixture.Sample.RunAsync(fixture.Server, uri, "out", "sample-failed");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.StartsWith("FAILED ", run.EventLines[^1]);
        var reason = (await fixture.Server.Jobs.GetMedicalTranscriptionJobAsync(new() { MedicalTranscriptionJobName = "sample-failed" }))
            .MedicalTranscriptionJob.FailureReason;
        Assert.Contains($"FAILED: {reason}", run.Errors);
        Assert.Null(run.Transcript);
    }

    [Fact]
    public async Task MEDGRPC_API_KEY_is_sent_as_the_x_api_key_header()
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Key)));
        await using var server = new TestServer(1, settings: ["--MedGrpc:Auth:ApiKeys:0:AccountId=111122223333", $"--MedGrpc:Auth:ApiKeys:0:Sha256={hash}"]);
        await server.StartAppAsync();
        server.CreateBucket("out");
        var uri = server.PutFile("media", "goforward.wav", MediaFiles.GoForward);

        // With keys configured, a call without one is UNAUTHENTICATED (AuthenticationTests): completing proves the header went.
        var run = await fixture.Sample.RunAsync(server, uri, "out", "sample-with-key", apiKey: Key);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("COMPLETED completed 100%", run.EventLines[^1]);
    }
}
