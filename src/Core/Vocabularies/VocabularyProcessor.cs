using MedGrpc.Core.Model;
using MedGrpc.Core.Ports;
using MedGrpc.Core.Resources;

namespace MedGrpc.Core.Vocabularies;

/// <summary>
/// Reads a PENDING vocabulary's file from its bucket, checks the table and pronounces its phrases:
/// READY with the phrases, or FAILED with the reason (the line and the rule it breaks).
/// </summary>
public sealed class VocabularyProcessor(
    IVocabularyStore store,
    IObjectStore objects,
    VocabularyLifecycle lifecycle,
    IPronouncer pronouncer,
    ILogger<VocabularyProcessor> log)
{
    public async Task ProcessAsync(ResourceKey key, CancellationToken ct)
    {
        var vocabulary = await store.GetAsync(key, ct);
        if (vocabulary is not { State: VocabularyState.Pending }) return;
        try
        {
            var entries = VocabularyTable.Parse(await ReadFileAsync(vocabulary.FileUri, ct));
            var phrases = await pronouncer.PronounceAsync(entries, ct);
            await lifecycle.ReadyAsync(vocabulary, phrases, ct);
        }
        catch (VocabularyFileException e)
        {
            await lifecycle.FailAsync(vocabulary, e.Message, CancellationToken.None);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw; // shutting down: still PENDING, read again at the next start
        }
        catch (Exception e)
        {
            log.LogError(e, "Vocabulary {Vocabulary} failed unexpectedly", key);
            await lifecycle.FailAsync(vocabulary, $"Internal failure: {e.Message}", CancellationToken.None);
        }
    }

    private async Task<byte[]> ReadFileAsync(string uri, CancellationToken ct)
    {
        if (!S3Location.TryParseObject(uri, objects.Endpoint, out var location) || await objects.GetSizeAsync(location, ct) is not { } size)
            throw new VocabularyFileException($"The vocabulary file '{uri}' couldn't be found: upload it, then update the vocabulary.");
        // Never read a huge object whole just to say it is too large.
        if (size > VocabularyTable.MaxFileBytes) throw VocabularyTable.TooLarge(size);
        await using var stream = await objects.OpenReadAsync(location, ct);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }
}
