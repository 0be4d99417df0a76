using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace MedGrpc.Analyzers.Tests.Utility;

/// <summary>What every test compilation has: .NET 10, the real generated contracts, and the AWS SDK stub.</summary>
internal static class TestReferences
{
    /// <summary>
    /// .NET 10's reference pack, downloaded through NuGet by the testing library. Pinned to the SDK's own pack version
    /// because the library's built-in Net100 asks for 10.0.1, which the package mirror does not carry.
    /// </summary>
    public static ReferenceAssemblies Net { get; } = new(
        "net10.0",
        new PackageIdentity("Microsoft.NETCore.App.Ref", "10.0.12"),
        Path.Combine("ref", "net10.0"));

    public static MetadataReference[] Contracts { get; } =
    [
        MetadataReference.CreateFromFile(typeof(MedGrpc.Transcribe.V1.StartMedicalTranscriptionJobRequest).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Google.Protobuf.IMessage).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Grpc.Core.Metadata).Assembly.Location),
    ];

    /// <summary>
    /// Both flavours in every compilation, as a caller with both packages would have them: a rule must tell them apart
    /// by type, never by which one happens to exist.
    /// </summary>
    public static void Configure(SolutionState state)
    {
        state.AdditionalReferences.AddRange(Contracts);
        state.Sources.Add((AwsSdkStub.FileName, AwsSdkStub.Source));
    }
}
