using MedGrpc.Core.Resources;
using MedGrpc.Core.Ports;
using MedGrpc.Core.Validation;

namespace MedGrpc.Core.Tags;

/// <summary>The tag operations of the API: TagResource, UntagResource, ListTagsForResource, on jobs and vocabularies.</summary>
public sealed class TagService(ITagStore tags, IJobStore jobs, IVocabularyStore vocabularies, ResourceArns arns)
{
    /// <summary>AWS's limit on the tags of one resource is the model's TagList maximum (the rule is RequestValidator's).</summary>
    public const int MaxTagsPerResource = RequestValidator.MaxTagsPerResource;

    public async Task TagAsync(string accountId, string resourceArn, IReadOnlyList<JobTag> newTags, CancellationToken ct)
    {
        RequestValidator.ValidateTagResource(resourceArn, newTags);
        var arn = await ExistingAsync(accountId, resourceArn, ct);
        var current = await tags.ListAsync(arn.Text, ct);
        RequestValidator.CheckTagTotal(current.Select(t => t.Key), newTags.Select(t => t.Key));
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
        RequestValidator.CheckTaggedResourceExists(resourceArn, exists);
        return arn!;
    }
}
