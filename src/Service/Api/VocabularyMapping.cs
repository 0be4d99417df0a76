using Google.Protobuf.WellKnownTypes;
using MedGrpc.Core.Model;
using MedGrpc.Transcribe.V1;
using Vocabulary = MedGrpc.Core.Model.Vocabulary;
using VocabularyState = MedGrpc.Transcribe.V1.VocabularyState;

namespace MedGrpc.Service.Api;

/// <summary>Vocabulary messages ↔ the domain.</summary>
public static class VocabularyMapping
{
    public static VocabularyQuery ToDomain(ListMedicalVocabulariesRequest request) => new(
        AwsEnumNames.ToAws(request.StateEquals),
        request.HasNameContains ? request.NameContains : null,
        request.HasNextToken ? request.NextToken : null,
        request.HasMaxResults ? request.MaxResults : null);

    public static CreateMedicalVocabularyResponse ToCreateResponse(Vocabulary vocabulary)
    {
        var response = new CreateMedicalVocabularyResponse
        {
            VocabularyName = vocabulary.Name,
            LanguageCode = AwsEnumNames.ToLanguageCode(vocabulary.LanguageCode),
            VocabularyState = State(vocabulary),
            LastModifiedTime = Timestamp.FromDateTimeOffset(vocabulary.LastModifiedTime),
        };
        if (vocabulary.FailureReason is { } reason) response.FailureReason = reason;
        return response;
    }

    public static GetMedicalVocabularyResponse ToGetResponse(Vocabulary vocabulary)
    {
        var response = new GetMedicalVocabularyResponse
        {
            VocabularyName = vocabulary.Name,
            LanguageCode = AwsEnumNames.ToLanguageCode(vocabulary.LanguageCode),
            VocabularyState = State(vocabulary),
            LastModifiedTime = Timestamp.FromDateTimeOffset(vocabulary.LastModifiedTime),
            DownloadUri = vocabulary.FileUri,
        };
        if (vocabulary.FailureReason is { } reason) response.FailureReason = reason;
        return response;
    }

    public static UpdateMedicalVocabularyResponse ToUpdateResponse(Vocabulary vocabulary) => new()
    {
        VocabularyName = vocabulary.Name,
        LanguageCode = AwsEnumNames.ToLanguageCode(vocabulary.LanguageCode),
        VocabularyState = State(vocabulary),
        LastModifiedTime = Timestamp.FromDateTimeOffset(vocabulary.LastModifiedTime),
    };

    public static ListMedicalVocabulariesResponse ToListResponse(VocabularyPage page, VocabularyState stateEquals)
    {
        var response = new ListMedicalVocabulariesResponse { Status = stateEquals };
        response.Vocabularies.AddRange(page.Vocabularies.Select(v => new VocabularyInfo
        {
            VocabularyName = v.Name,
            LanguageCode = AwsEnumNames.ToLanguageCode(v.LanguageCode),
            LastModifiedTime = Timestamp.FromDateTimeOffset(v.LastModifiedTime),
            VocabularyState = State(v),
        }));
        if (page.NextToken is { } token) response.NextToken = token;
        return response;
    }

    private static VocabularyState State(Vocabulary vocabulary) => AwsEnumNames.ToVocabularyState(vocabulary.State.ToAws());
}
