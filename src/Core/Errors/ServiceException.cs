namespace MedGrpc.Core.Errors;

/// <summary>A request the service refuses, with the AWS error it maps to and the fields at fault.</summary>
public sealed class ServiceException(AwsError error, string message, IReadOnlyList<FieldViolation>? violations = null)
    : Exception(message)
{
    public AwsError Error { get; } = error;
    public IReadOnlyList<FieldViolation> Violations { get; } = violations ?? [];

    public static ServiceException BadRequest(string message, string? field = null) =>
        new(AwsError.BadRequestException, message, field is null ? null : [new FieldViolation(field, message)]);

    public static ServiceException JobNotFound() =>
        new(AwsError.BadRequestException, "The requested job couldn't be found. Check the job name and try your request again.");

    public static ServiceException VocabularyNotFound() =>
        new(AwsError.NotFoundException, "The requested vocabulary couldn't be found. Check the vocabulary name and try your request again.");

    public static ServiceException VocabularyNameTaken() =>
        new(AwsError.ConflictException, "The requested vocabulary name already exists. Use a different vocabulary name.");

    public static ServiceException ResourceNotFound(string arn) =>
        new(AwsError.NotFoundException, $"The requested resource '{arn}' couldn't be found. Check the resource ARN (arn:aws:transcribe:REGION:ACCOUNT:medical-transcription-job/NAME or .../medical-vocabulary/NAME) and try your request again.");

    public static ServiceException JobNameTaken() =>
        new(AwsError.ConflictException, "The requested job name already exists. Use a different job name.");
}

/// <summary>One field that broke one rule. Field is the AWS member path, e.g. "settings.maxSpeakerLabels".</summary>
public sealed record FieldViolation(string Field, string Description);
