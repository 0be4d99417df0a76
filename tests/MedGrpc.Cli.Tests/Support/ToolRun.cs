using System.Text.Json;

namespace MedGrpc.Cli.Tests.Support;

/// <summary>One finished run of the medgrpc process: its exit code and everything it printed.</summary>
public sealed record ToolRun(int ExitCode, string Out, string Error)
{
    /// <summary>Standard output parsed as JSON (the --json output).</summary>
    public JsonElement Json()
    {
        using var document = JsonDocument.Parse(Out);
        return document.RootElement.Clone();
    }

    /// <summary>For assertion messages: what the tool said when a test fails.</summary>
    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Out}\n--- stderr ---\n{Error}";
}
