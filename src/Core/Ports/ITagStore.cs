using MedGrpc.Core.Resources;

namespace MedGrpc.Core.Ports;

/// <summary>The tags of jobs and vocabularies, by resource ARN. Embedded: SQLite.</summary>
public interface ITagStore
{
    /// <summary>The resource's tags in the order their keys were first set.</summary>
    Task<IReadOnlyList<JobTag>> ListAsync(string resourceArn, CancellationToken ct);

    /// <summary>Sets each tag: a new key is added, a key the resource has gets the new value.</summary>
    Task SetAsync(string resourceArn, IReadOnlyList<JobTag> tags, CancellationToken ct);

    /// <summary>Removes the keys given; keys the resource lacks are ignored.</summary>
    Task RemoveAsync(string resourceArn, IReadOnlyList<string> keys, CancellationToken ct);

    /// <summary>Forgets every tag of a resource that was deleted.</summary>
    Task RemoveAllAsync(string resourceArn, CancellationToken ct);
}
