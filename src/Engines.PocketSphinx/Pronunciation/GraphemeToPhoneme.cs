using System.Diagnostics;

namespace MedGrpc.Engines.PocketSphinx;

/// <summary>
/// Spelling → phones with CMU Flite's grapheme-to-phoneme converter (Debian's flite, command
/// <c>t2p</c>): a real letter-to-sound model rather than rules of our own. Its phones are
/// lower-case CMU phones with stress digits, <c>ax</c> for schwa (the en-US acoustic model's
/// schwa is AH) and <c>pau</c> for the silences around the text, dropped.
/// </summary>
public sealed class GraphemeToPhoneme
{
    public const string Command = "t2p";
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    /// <summary>The ARPAbet phones of the text (words separated by spaces), space separated.</summary>
    public async Task<string> PhonesAsync(string text, CancellationToken ct)
    {
        var start = new ProcessStartInfo(Command) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(text);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"'{Command}' did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"'{Command}' (Debian's flite) is needed to pronounce vocabulary phrases: install it (scripts/setup.sh does). {e.Message}", e);
        }
        using (process)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(Limit);
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var errors = process.StandardError.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"'{Command}' failed on '{text}': {(await errors).Trim()}");
            return ToArpabet(await output);
        }
    }

    /// <summary>flite's phones → the acoustic model's: upper case, no stress digits, AH for ax, no pauses.</summary>
    public static string ToArpabet(string flitePhones) =>
        string.Join(' ', flitePhones
            .Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => new string(p.Where(ch => !char.IsAsciiDigit(ch)).ToArray()))
            .Where(p => p.Length > 0 && p != "pau")
            .Select(p => p == "ax" ? "AH" : p.ToUpperInvariant()));
}
