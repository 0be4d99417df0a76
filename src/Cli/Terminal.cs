using Spectre.Console;

namespace MedGrpc.Cli;

/// <summary>
/// The two consoles medgrpc writes to: results on standard output, progress and errors on standard error, so that
/// <c>medgrpc get x --json &gt; job.json</c> stays clean. A redirected stream gets plain text: no ANSI, no colours,
/// no live rendering, whatever TERM says, and lines that are never folded (Spectre would fold at 80 columns).
/// </summary>
internal static class Terminal
{
    private const int RedirectedWidth = 4096;

    public static IAnsiConsole Out { get; } = Create(Console.Out, Console.IsOutputRedirected);

    public static IAnsiConsole Error { get; } = Create(Console.Error, Console.IsErrorRedirected);

    /// <summary>Whether standard error can redraw a live display in place (a terminal that speaks ANSI).</summary>
    public static bool ErrorIsLive => Error.Profile.Capabilities.Interactive && Error.Profile.Capabilities.Ansi;

    private static IAnsiConsole Create(TextWriter writer, bool redirected)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = redirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = redirected ? InteractionSupport.No : InteractionSupport.Detect,
        });
        if (redirected) console.Profile.Width = RedirectedWidth;
        return console;
    }
}
