using System.Diagnostics;

namespace MedGrpc.Engines.PocketSphinx;

/// <summary>
/// Runs one of the command-line tools speaker adaptation needs (sphinx_fe, pocketsphinx_mdef_convert, bw,
/// mllr_solve) as a child process, with a time limit. Their output is read and dropped: they log the words they
/// align, which may be PHI, so only the tool's name and exit code ever reach the service's log.
/// </summary>
internal static class TrainingTool
{
    public static void Run(string path, IEnumerable<string> arguments, TimeSpan limit, CancellationToken ct)
    {
        var name = Path.GetFileName(path);
        if (!File.Exists(path))
            throw new AdaptationFailedException($"{name} is missing at '{path}': install Debian's sphinxtrain (scripts/setup.sh does).");
        var start = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new AdaptationFailedException($"{name} did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(limit);
        try
        {
            process.WaitForExitAsync(timeout.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            ct.ThrowIfCancellationRequested();
            throw new AdaptationFailedException($"{name} took longer than {limit.TotalSeconds:F0} s.");
        }
        if (process.ExitCode != 0) throw new AdaptationFailedException($"{name} failed (exit code {process.ExitCode}).");
    }
}

/// <summary>Speaker adaptation could not be done for a recording; the first pass stands.</summary>
internal sealed class AdaptationFailedException(string message) : Exception(message);
