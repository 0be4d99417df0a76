using MedGrpc.Service.Options;
using Microsoft.Extensions.Options;

namespace MedGrpc.Service.Tags;

/// <summary>What a tag ARN names: a job or a vocabulary of this service.</summary>
public enum ResourceType
{
    MedicalTranscriptionJob,
    MedicalVocabulary,
}

/// <summary>A parsed resource ARN: arn:aws:transcribe:REGION:ACCOUNT:TYPE/NAME.</summary>
public sealed record ResourceArn(ResourceType Type, string Name, string Region, string Account, string Text);

/// <summary>
/// ARNs of this service's resources, in AWS's form with the configured region and account:
/// arn:aws:transcribe:us-east-1:000000000000:medical-transcription-job/NAME and …:medical-vocabulary/NAME.
/// </summary>
public sealed class ResourceArns(IOptions<MedGrpcOptions> options)
{
    public const string JobPath = "medical-transcription-job";
    public const string VocabularyPath = "medical-vocabulary";

    public string Job(string name) => Arn(JobPath, name);

    public string Vocabulary(string name) => Arn(VocabularyPath, name);

    /// <summary>The resource an ARN names; null when it is not one of this service's (another partition, service, region, account or resource type).</summary>
    public ResourceArn? Parse(string arn)
    {
        var parts = arn.Split(':', 6);
        if (parts is not ["arn", _, "transcribe", var region, var account, var resource]) return null;
        if (region != options.Value.Region || account != options.Value.AccountId) return null;
        var slash = resource.IndexOf('/');
        if (slash <= 0) return null;
        var type = resource[..slash] switch
        {
            JobPath => ResourceType.MedicalTranscriptionJob,
            VocabularyPath => ResourceType.MedicalVocabulary,
            _ => (ResourceType?)null,
        };
        return type is null ? null : new ResourceArn(type.Value, resource[(slash + 1)..], region, account, arn);
    }

    private string Arn(string type, string name) => $"arn:aws:transcribe:{options.Value.Region}:{options.Value.AccountId}:{type}/{name}";
}
