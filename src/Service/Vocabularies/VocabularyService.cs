using MedGrpc.Service.Errors;
using MedGrpc.Service.Jobs;
using MedGrpc.Service.Storage;
using MedGrpc.Service.Tags;
using MedGrpc.Service.Validation;

namespace MedGrpc.Service.Vocabularies;

/// <summary>The vocabulary operations of the API: Create, Get, List, Update, Delete.</summary>
public sealed class VocabularyService(
    IVocabularyStore store,
    IObjectStore objects,
    ITagStore tags,
    ResourceArns arns,
    VocabularyLifecycle lifecycle,
    VocabularyQueue queue)
{
    /// <summary>AWS's quota of custom medical vocabularies per account.</summary>
    public const int MaxVocabularies = 100;

    public async Task<Vocabulary> CreateAsync(string name, string? languageCode, string? fileUri, IReadOnlyList<JobTag>? newTags, CancellationToken ct)
    {
        RequestValidator.ValidateVocabulary(name, languageCode, fileUri, newTags);
        if (await store.GetAsync(name, ct) is not null) throw ServiceException.VocabularyNameTaken();
        if (await store.CountAsync(ct) >= MaxVocabularies)
            throw new ServiceException(AwsError.LimitExceededException,
                $"You've reached the limit of {MaxVocabularies} custom medical vocabularies. Delete one you no longer use and try your request again.");
        await CheckFileAsync(fileUri!, ct);
        var vocabulary = await lifecycle.CreateAsync(name, languageCode!, fileUri!, ct);
        if (newTags is { Count: > 0 }) await tags.SetAsync(arns.Vocabulary(name), newTags, ct);
        queue.Enqueue(name);
        return vocabulary;
    }

    public async Task<Vocabulary> GetAsync(string name, CancellationToken ct)
    {
        RequestValidator.ValidateVocabularyName(name);
        return await store.GetAsync(name, ct) ?? throw ServiceException.VocabularyNotFound();
    }

    public Task<VocabularyPage> ListAsync(VocabularyQuery query, CancellationToken ct)
    {
        RequestValidator.ValidateList(query);
        return store.ListAsync(query, ct);
    }

    /// <summary>Replaces the vocabulary with the new file's table; allowed in any state (a newer file wins over one still being read).</summary>
    public async Task<Vocabulary> UpdateAsync(string name, string? languageCode, string? fileUri, CancellationToken ct)
    {
        RequestValidator.ValidateVocabulary(name, languageCode, fileUri, null);
        var current = await store.GetAsync(name, ct) ?? throw ServiceException.VocabularyNotFound();
        await CheckFileAsync(fileUri!, ct);
        var vocabulary = await lifecycle.ReplaceAsync(current, languageCode!, fileUri!, ct);
        queue.Enqueue(name);
        return vocabulary;
    }

    public async Task DeleteAsync(string name, CancellationToken ct)
    {
        RequestValidator.ValidateVocabularyName(name);
        if (!await store.DeleteAsync(name, ct)) throw ServiceException.VocabularyNotFound();
        await tags.RemoveAllAsync(arns.Vocabulary(name), ct);
    }

    /// <summary>The file must be an object of a bucket here before the vocabulary exists (as a job's media must).</summary>
    private async Task CheckFileAsync(string fileUri, CancellationToken ct)
    {
        if (!S3Location.TryParseObject(fileUri, out var location))
            throw ServiceException.BadRequest(
                $"The value '{fileUri}' at 'vocabularyFileUri' isn't an object URI: use s3://BUCKET/KEY with a key inside the bucket.",
                "vocabularyFileUri");
        if (await objects.GetSizeAsync(location, ct) is null)
            throw ServiceException.BadRequest(
                $"The S3 URI '{fileUri}' at 'vocabularyFileUri' can't be accessed: no such object. Upload the vocabulary file first and try your request again.",
                "vocabularyFileUri");
    }
}
