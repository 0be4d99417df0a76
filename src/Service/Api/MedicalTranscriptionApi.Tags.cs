using Grpc.Core;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Service.Api;

/// <summary>The tag operations on jobs and vocabularies: a thin edge over <see cref="Tags.TagService"/>.</summary>
public sealed partial class MedicalTranscriptionApi
{
    public override async Task<TagResourceResponse> TagResource(TagResourceRequest request, ServerCallContext context)
    {
        await _tags.TagAsync(_callers.Of(context), request.ResourceArn, ProtoMapping.ToDomain(request.Tags) ?? [], context.CancellationToken);
        return new TagResourceResponse();
    }

    public override async Task<UntagResourceResponse> UntagResource(UntagResourceRequest request, ServerCallContext context)
    {
        await _tags.UntagAsync(_callers.Of(context), request.ResourceArn, request.TagKeys.ToList(), context.CancellationToken);
        return new UntagResourceResponse();
    }

    public override async Task<ListTagsForResourceResponse> ListTagsForResource(ListTagsForResourceRequest request, ServerCallContext context)
    {
        var tags = await _tags.ListAsync(_callers.Of(context), request.ResourceArn, context.CancellationToken);
        var response = new ListTagsForResourceResponse { ResourceArn = request.ResourceArn };
        response.Tags.AddRange(tags.Select(t => new Tag { Key = t.Key, Value = t.Value }));
        return response;
    }
}
