using System.Diagnostics;

namespace MedGrpc.Tests.Polyglot;

/// <summary>samples/python: run.sh generates the stubs from protos/ and runs transcribe.py with Debian's python3.</summary>
public sealed class PythonSample : Sample
{
    protected override ProcessStartInfo Command() => new("bash", [Path.Combine(Samples, "python", "run.sh")]);
}
