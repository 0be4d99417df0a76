using System.Threading.Channels;
using MedGrpc.Core.Resources;

namespace MedGrpc.Core.Vocabularies;

/// <summary>Vocabularies whose file is waiting to be read, first come first served.</summary>
public sealed class VocabularyQueue
{
    private readonly Channel<ResourceKey> _vocabularies = Channel.CreateUnbounded<ResourceKey>();

    public void Enqueue(ResourceKey vocabulary) => _vocabularies.Writer.TryWrite(vocabulary);

    public IAsyncEnumerable<ResourceKey> ReadAllAsync(CancellationToken ct) => _vocabularies.Reader.ReadAllAsync(ct);
}
