using MedGrpc.Core.Resources;
using MedGrpc.Core.Errors;
using MedGrpc.Core.Ports;
using MedGrpc.Core.Validation;

namespace MedGrpc.Core.Tags;

/// <summary>The tag operations of the API: TagResource, UntagResource, ListTagsForResource, on jobs and vocabularies.</summary>
public sealed class TagService(ITagStore tags, IJobStore jobs, IVocabularyStore vocabularies, ResourceArns arns)
{
    /// <summary>AWS's limit on the tags of one resource is the model's TagList maximum.</summary>
    public const int MaxTagsPerResource = 200;

    public async Task TagAsync(string accountId, string resourceArn, IReadOnlyList<JobTag> newTags, CancellationToken ct)
    {
        RequestValidator.ValidateTagResource(resourceArn, newTags);
        var arn = await ExistingAsync(accountId, resourceArn, ct);
        var current = await tags.ListAsync(arn.Text, ct);
        var total = current.Select(t => t.Key).Union(newTags.Select(t => t.Key), StringComparer.Ordinal).Count();
        if (total > MaxTagsPerResource)
            throw ServiceException.BadRequest(
                $"The resource would have {total} tags: a resource can have at most {MaxTagsPerResource}. Remove tags with UntagResource first.", "tags");
        await tags.SetAsync(arn.Text, newTags, ct);
    }

    public async Task UntagAsync(string accountId, string resourceArn, IReadOnlyList<string> keys, CancellationToken ct)
    {
        RequestValidator.ValidateUntagResource(resourceArn, keys);
        var arn = await ExistingAsync(accountId, resourceArn, ct);
        await tags.RemoveAsync(arn.Text, keys, ct);
    }

    public async Task<IReadOnlyList<JobTag>> ListAsync(string accountId, string resourceArn, CancellationToken ct)
    {
        RequestValidator.ValidateResourceArn(resourceArn);
        var arn = await ExistingAsync(accountId, resourceArn, ct);
        return await tags.ListAsync(arn.Text, ct);
    }

    /// <summary>The caller's job or vocabulary the ARN names; another account's is not found, as one that doesn't exist.</summary>
    private async Task<ResourceArn> ExistingAsync(string accountId, string resourceArn, CancellationToken ct)
    {
        var arn = arns.Parse(resourceArn, accountId);
        var exists = arn?.Type switch
        {
            ResourceType.MedicalTranscriptionJob => await jobs.GetAsync(arn.Key, ct) is not null,
            ResourceType.MedicalVocabulary => await vocabularies.GetAsync(arn.Key, ct) is not null,
            _ => false,
        };
        return exists ? arn! : throw ServiceException.ResourceNotFound(resourceArn);
    }
}
