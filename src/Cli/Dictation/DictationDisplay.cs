using MedGrpc.Transcribe.V1;

namespace MedGrpc.Cli.Dictation;

/// <summary>
/// What dictate prints. Live (a terminal): the open result's partial text on the last line, rewritten in place
/// (carriage return, erase line), and each final written over it and kept, so finals scroll up. Not live: finals only,
/// one plain line each, for files and pipes.
/// </summary>
internal sealed class DictationDisplay(TextWriter output, bool live)
{
    private const string EraseLine = "\r\u001b[2K";
    private bool _partialShown;

    public void Show(MedicalResult result)
    {
        var text = (result.HasChannelId ? $"{result.ChannelId}: " : "") + (result.Alternatives.Count > 0 ? result.Alternatives[0].Transcript : "");
        if (result.IsPartial)
        {
            if (!live) return;
            output.Write(EraseLine + Fit(text));
            _partialShown = true;
        }
        else
        {
            output.WriteLine((live ? EraseLine : "") + text);
            _partialShown = false;
        }
        output.Flush();
    }

    public void End()
    {
        if (live && _partialShown) output.Write(EraseLine);
        output.Flush();
    }

    // A partial longer than the terminal would wrap, and the erase would only clear its last row: show its end.
    private static string Fit(string text)
    {
        var width = Console.IsOutputRedirected ? int.MaxValue : Math.Max(20, Console.WindowWidth - 1);
        return text.Length <= width ? text : "…" + text[^(width - 1)..];
    }
}
