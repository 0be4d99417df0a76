using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace MedGrpc.Service.Api;

/// <summary>
/// Who did what: one line per call of either edge on the logger category <see cref="Category"/>, with the account,
/// the caller's address, the action (the method or operation), the resource it named and how it ended (OK or the AWS
/// error name). Never content: the resource is a name, an ARN or a bucket and key, which callers keep free of PHI as
/// AWS asks of names and tags (docs/operations.md).
/// </summary>
public sealed class AuditLog(ILoggerFactory loggers)
{
    public const string Category = "MedGrpc.Audit";

    private readonly ILogger _log = loggers.CreateLogger(Category);

    public void Record(string edge, string account, string caller, string action, string resource, string result) =>
        _log.LogInformation("{Edge} call by account {Account} from {Caller}: {Action} {Resource} → {Result}",
            edge, account, caller, action, resource.Length == 0 ? "-" : resource, result);

    /// <summary>
    /// The resource a request names, read off its descriptor so that every method is covered: a job, a vocabulary,
    /// an ARN, or an object's bucket and key; "" for a List (its filters are left out).
    /// </summary>
    public static string ResourceOf(IMessage? request)
    {
        if (request is null) return "";
        var fields = request.Descriptor.Fields;
        string? Text(string name) => fields.InDeclarationOrder().FirstOrDefault(f => f.Name == name && f.FieldType == FieldType.String) is { } field
            ? field.Accessor.GetValue(request) as string
            : null;
        if (Text("resource_arn") is { Length: > 0 } arn) return arn;
        if (Text("medical_transcription_job_name") is { Length: > 0 } job) return $"medical-transcription-job/{job}";
        if (Text("vocabulary_name") is { Length: > 0 } vocabulary) return $"medical-vocabulary/{vocabulary}";
        if (fields.InDeclarationOrder().FirstOrDefault(f => f.Name == "location" && f.FieldType == FieldType.Message) is { } location
            && location.Accessor.GetValue(request) is IMessage place)
            return ResourceOf(place);
        if (Text("bucket") is { Length: > 0 } bucket) return Text("key") is { Length: > 0 } key ? $"s3://{bucket}/{key}" : $"s3://{bucket}";
        return "";
    }
}
