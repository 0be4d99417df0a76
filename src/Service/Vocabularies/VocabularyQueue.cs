using System.Threading.Channels;

namespace MedGrpc.Service.Vocabularies;

/// <summary>Names of vocabularies whose file is waiting to be read, first come first served.</summary>
public sealed class VocabularyQueue
{
    private readonly Channel<string> _names = Channel.CreateUnbounded<string>();

    public void Enqueue(string vocabularyName) => _names.Writer.TryWrite(vocabularyName);

    public IAsyncEnumerable<string> ReadAllAsync(CancellationToken ct) => _names.Reader.ReadAllAsync(ct);
}
