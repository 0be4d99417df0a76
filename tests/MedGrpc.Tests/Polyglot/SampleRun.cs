using System.Diagnostics;

namespace MedGrpc.Tests.Polyglot;

/// <summary>One run of a sample client as a real process: its exit code and what it printed.</summary>
public sealed record SampleRun(int ExitCode, string Output, string Errors)
{
    private const string TranscriptMarker = "Transcript:";

    private string[] Lines => Output.Split('\n', StringSplitOptions.TrimEntries);

    /// <summary>The lines the sample printed for WatchJob's events, "STATUS stage N%", before the transcript.</summary>
    public IReadOnlyList<string> EventLines =>
        Lines.Skip(1).TakeWhile(l => l != TranscriptMarker).Where(l => l.Length > 0).ToList();

    /// <summary>The text printed after "Transcript:", or null when there is none.</summary>
    public string? Transcript
    {
        get
        {
            var lines = Lines;
            var marker = Array.IndexOf(lines, TranscriptMarker);
            return marker < 0 ? null : string.Join("\n", lines.Skip(marker + 1)).Trim();
        }
    }

    public override string ToString() => $"exit code {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Errors}";

    public static async Task<SampleRun> RunAsync(ProcessStartInfo start, TimeSpan timeout)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            // A sample that hangs must not hang the test run: the wrapper and its interpreter go together.
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"{start.FileName} {string.Join(' ', start.ArgumentList)} ran over {timeout}:\n{await output}\n{await errors}");
        }
        return new SampleRun(process.ExitCode, await output, await errors);
    }
}
