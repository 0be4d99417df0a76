using Grpc.Core;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Service.Api;

/// <summary>The custom medical vocabulary operations: a thin edge over <see cref="Vocabularies.VocabularyService"/>.</summary>
public sealed partial class MedicalTranscriptionApi
{
    public override async Task<CreateMedicalVocabularyResponse> CreateMedicalVocabulary(CreateMedicalVocabularyRequest request, ServerCallContext context)
    {
        var vocabulary = await _vocabularies.CreateAsync(_callers.Resource(context, request.VocabularyName), AwsEnumNames.ToAws(request.LanguageCode),
            request.HasVocabularyFileUri ? request.VocabularyFileUri : null, ProtoMapping.ToDomain(request.Tags), context.CancellationToken);
        return VocabularyMapping.ToCreateResponse(vocabulary);
    }

    public override async Task<GetMedicalVocabularyResponse> GetMedicalVocabulary(GetMedicalVocabularyRequest request, ServerCallContext context) =>
        VocabularyMapping.ToGetResponse(await _vocabularies.GetAsync(_callers.Resource(context, request.VocabularyName), context.CancellationToken));

    public override async Task<ListMedicalVocabulariesResponse> ListMedicalVocabularies(ListMedicalVocabulariesRequest request, ServerCallContext context)
    {
        var page = await _vocabularies.ListAsync(_callers.Of(context), VocabularyMapping.ToDomain(request), context.CancellationToken);
        return VocabularyMapping.ToListResponse(page, request.StateEquals);
    }

    public override async Task<UpdateMedicalVocabularyResponse> UpdateMedicalVocabulary(UpdateMedicalVocabularyRequest request, ServerCallContext context)
    {
        var vocabulary = await _vocabularies.UpdateAsync(_callers.Resource(context, request.VocabularyName), AwsEnumNames.ToAws(request.LanguageCode),
            request.HasVocabularyFileUri ? request.VocabularyFileUri : null, context.CancellationToken);
        return VocabularyMapping.ToUpdateResponse(vocabulary);
    }

    public override async Task<DeleteMedicalVocabularyResponse> DeleteMedicalVocabulary(DeleteMedicalVocabularyRequest request, ServerCallContext context)
    {
        await _vocabularies.DeleteAsync(_callers.Resource(context, request.VocabularyName), context.CancellationToken);
        return new DeleteMedicalVocabularyResponse();
    }
}
