using MedGrpc.Core.Resources;
using MedGrpc.Core.Options;
using Microsoft.Extensions.Options;

namespace MedGrpc.Core.Resources;

/// <summary>What a tag ARN names: a job or a vocabulary of this service.</summary>
public enum ResourceType
{
    MedicalTranscriptionJob,
    MedicalVocabulary,
}

/// <summary>A parsed resource ARN: arn:aws:transcribe:REGION:ACCOUNT:TYPE/NAME.</summary>
public sealed record ResourceArn(ResourceType Type, ResourceKey Key, string Region, string Text);

/// <summary>
/// ARNs of this service's resources, in AWS's form with the configured region and the resource's account:
/// arn:aws:transcribe:us-east-1:111122223333:medical-transcription-job/NAME and …:medical-vocabulary/NAME.
/// </summary>
public sealed class ResourceArns(IOptions<MedGrpcOptions> options)
{
    public const string JobPath = "medical-transcription-job";
    public const string VocabularyPath = "medical-vocabulary";

    public string Job(ResourceKey job) => Arn(JobPath, job);

    public string Vocabulary(ResourceKey vocabulary) => Arn(VocabularyPath, vocabulary);

    /// <summary>
    /// The resource an ARN names, when it is one of the caller's: null for another partition, service,
    /// region or resource type, and for another account's resource (which the caller may not even learn exists).
    /// </summary>
    public ResourceArn? Parse(string arn, string callerAccountId)
    {
        var parts = arn.Split(':', 6);
        if (parts is not ["arn", "aws", "transcribe", var region, var account, var resource]) return null;
        if (region != options.Value.Region || account != callerAccountId) return null;
        var slash = resource.IndexOf('/');
        if (slash <= 0) return null;
        var type = resource[..slash] switch
        {
            JobPath => ResourceType.MedicalTranscriptionJob,
            VocabularyPath => ResourceType.MedicalVocabulary,
            _ => (ResourceType?)null,
        };
        return type is null ? null : new ResourceArn(type.Value, new ResourceKey(account, resource[(slash + 1)..]), region, arn);
    }

    private string Arn(string type, ResourceKey resource) => $"arn:aws:transcribe:{options.Value.Region}:{resource.AccountId}:{type}/{resource.Name}";
}
