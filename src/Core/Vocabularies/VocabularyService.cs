using MedGrpc.Core.Errors;
using MedGrpc.Core.Model;
using MedGrpc.Core.Paging;
using MedGrpc.Core.Ports;
using MedGrpc.Core.Resources;
using MedGrpc.Core.Validation;

namespace MedGrpc.Core.Vocabularies;

/// <summary>The vocabulary operations of the API: Create, Get, List, Update, Delete.</summary>
public sealed class VocabularyService(
    IVocabularyStore store,
    IObjectStore objects,
    ITagStore tags,
    ResourceArns arns,
    VocabularyLifecycle lifecycle,
    VocabularyQueue queue,
    PageTokens pageTokens)
{
    /// <summary>AWS's quota of custom medical vocabularies per account.</summary>
    public const int MaxVocabularies = 100;

    public async Task<Vocabulary> CreateAsync(ResourceKey key, string? languageCode, string? fileUri, IReadOnlyList<JobTag>? newTags, CancellationToken ct)
    {
        RequestValidator.ValidateVocabulary(key.Name, languageCode, fileUri, newTags);
        if (await store.GetAsync(key, ct) is not null) throw ServiceException.VocabularyNameTaken();
        if (await store.CountAsync(key.AccountId, ct) >= MaxVocabularies)
            throw new ServiceException(AwsError.LimitExceededException,
                $"You've reached the limit of {MaxVocabularies} custom medical vocabularies. Delete one you no longer use and try your request again.");
        await CheckFileAsync(fileUri!, ct);
        var vocabulary = await lifecycle.CreateAsync(key, languageCode!, fileUri!, ct);
        if (newTags is { Count: > 0 }) await tags.SetAsync(arns.Vocabulary(key), newTags, ct);
        queue.Enqueue(key);
        return vocabulary;
    }

    /// <summary>The account's vocabulary of that name; another account's of the same name is not found.</summary>
    public async Task<Vocabulary> GetAsync(ResourceKey key, CancellationToken ct)
    {
        RequestValidator.ValidateVocabularyName(key.Name);
        return await store.GetAsync(key, ct) ?? throw ServiceException.VocabularyNotFound();
    }

    public async Task<VocabularyPage> ListAsync(string accountId, VocabularyQuery query, CancellationToken ct)
    {
        RequestValidator.ValidateList(query);
        var scope = PageScope.Of(accountId, query);
        var page = await store.ListAsync(accountId, query, await pageTokens.ReadAsync(query.NextToken, scope, ct), ct);
        return new VocabularyPage(page.Items, await pageTokens.IssueAsync(page.Next, scope, ct));
    }

    /// <summary>Replaces the vocabulary with the new file's table; allowed in any state (a newer file wins over one still being read).</summary>
    public async Task<Vocabulary> UpdateAsync(ResourceKey key, string? languageCode, string? fileUri, CancellationToken ct)
    {
        RequestValidator.ValidateVocabulary(key.Name, languageCode, fileUri, null);
        var current = await store.GetAsync(key, ct) ?? throw ServiceException.VocabularyNotFound();
        await CheckFileAsync(fileUri!, ct);
        var vocabulary = await lifecycle.ReplaceAsync(current, languageCode!, fileUri!, ct);
        queue.Enqueue(key);
        return vocabulary;
    }

    public async Task DeleteAsync(ResourceKey key, CancellationToken ct)
    {
        RequestValidator.ValidateVocabularyName(key.Name);
        if (!await store.DeleteAsync(key, ct)) throw ServiceException.VocabularyNotFound();
        await tags.RemoveAllAsync(arns.Vocabulary(key), ct);
    }

    /// <summary>
    /// The file must be an object of a bucket here before the vocabulary exists (as a job's media must): this looks it
    /// up; the rules and their errors are <see cref="RequestValidator"/>'s (Validation/ReferenceRules.cs).
    /// </summary>
    private async Task CheckFileAsync(string fileUri, CancellationToken ct)
    {
        var location = RequestValidator.VocabularyFileObject(fileUri, objects.Endpoint);
        RequestValidator.CheckVocabularyFileExists(fileUri, await objects.GetSizeAsync(location, ct) is not null);
    }
}
