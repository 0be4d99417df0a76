using System.Diagnostics;

namespace MedGrpc.Tests.Polyglot;

/// <summary>samples/node: transcribe.js with @grpc/grpc-js, loading protos/ with @grpc/proto-loader (installed by scripts/setup.sh).</summary>
public sealed class NodeSample : Sample
{
    protected override ProcessStartInfo Command()
    {
        if (!Directory.Exists(Path.Combine(Samples, "node", "node_modules", "@grpc", "grpc-js")))
            throw new InvalidOperationException("samples/node has no node_modules: run scripts/setup.sh.");
        return new("node", [Path.Combine(Samples, "node", "transcribe.js")]);
    }
}
