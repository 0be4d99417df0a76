using MedGrpc.Core.Options;
using Microsoft.Extensions.Options;

namespace MedGrpc.Tests.Support;

/// <summary>A data dir of its own for a test, removed afterwards.</summary>
public sealed class TempDataDir : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "medgrpc-tests", Guid.NewGuid().ToString("N"));

    public IOptions<MedGrpcOptions> Options => Microsoft.Extensions.Options.Options.Create(new MedGrpcOptions { DataDir = Path });

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (DirectoryNotFoundException) { }
    }
}
