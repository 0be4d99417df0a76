using MedGrpc.Cli.Tests.Support;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Cli.Tests.Commands;

[Collection(CliCollection.Name)]
public sealed class DictateCommandTests(CliServer server)
{
    [Fact]
    public async Task Dictate_fast_prints_each_final_as_a_plain_line_when_not_a_terminal()
    {
        var run = await server.ToolAsync("dictate", SpeechSet.GoForward, "--fast");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.NotEmpty(lines);
        Assert.Contains("forward", run.Out, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\u001b", run.Out);
    }

    [Fact]
    public async Task Dictate_with_an_output_bucket_records_the_session_as_a_completed_job()
    {
        var run = await server.ToolAsync("dictate", SpeechSet.GoForward, "--fast", "--output-bucket", CliServer.OutputBucket, "--name", "dictated-cli");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Contains("Recorded as job dictated-cli (COMPLETED)", run.Error);
        var job = (await server.Jobs.GetMedicalTranscriptionJobAsync(new GetMedicalTranscriptionJobRequest { MedicalTranscriptionJobName = "dictated-cli" })).MedicalTranscriptionJob;
        Assert.Equal(TranscriptionJobStatus.Completed, job.TranscriptionJobStatus);
        Assert.True(File.Exists(Path.Combine(server.BucketPath(CliServer.OutputBucket), "dictated-cli.json")));
    }

    [Fact]
    public async Task Dictate_paces_a_recording_at_real_time()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var run = await server.ToolAsync("dictate", SpeechSet.GoForward);

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.True(clock.Elapsed.TotalSeconds >= 2.5, $"2.8 s of audio streamed in {clock.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task Dictate_of_a_file_that_is_no_recording_exits_2_saying_what_it_streams()
    {
        var path = Path.Combine(Path.GetTempPath(), $"not-audio-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(path, "not audio at all");

        var run = await server.ToolAsync("dictate", path);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("no WAV, FLAC or Ogg Opus file", run.Error);
    }
}
