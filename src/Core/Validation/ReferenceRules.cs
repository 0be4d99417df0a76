using MedGrpc.Core.Errors;
using MedGrpc.Core.Model;
using MedGrpc.Core.Ports;
using MedGrpc.Core.Transcripts;

namespace MedGrpc.Core.Validation;

/// <summary>
/// What a request points at must exist before a job or vocabulary does (AWS checks these at Start and Create too).
/// The operation looks the facts up in its stores, in this order, and passes them here; these methods decide.
/// </summary>
public static partial class RequestValidator
{
    /// <summary>A job's 'settings.vocabularyName' names a vocabulary of the account that is READY.</summary>
    public static void CheckVocabularyReference(string name, Vocabulary? vocabulary, string field = "settings.vocabularyName")
    {
        if (vocabulary is null)
            throw ServiceException.BadRequest(
                $"The vocabulary '{name}' at '{field}' couldn't be found. Check the vocabulary name and try your request again.",
                field);
        if (vocabulary.State != VocabularyState.Ready)
            throw ServiceException.BadRequest(
                $"The vocabulary '{name}' at '{field}' is {vocabulary.State.ToAws()}: only a READY vocabulary can be used."
                + (vocabulary.State == VocabularyState.Pending ? " Wait until it is READY and try your request again." : $" Fix its file and update it: {vocabulary.FailureReason}"),
                field);
    }

    /// <summary>
    /// The object a job's media URI names when it points at the object store (s3://, or a path-style URL of the store:
    /// <see cref="S3Location.NamesObjectStore"/>), which must be an object inside its bucket; null for an http(s) URL
    /// of another host, which ffmpeg reads as before and needs no lookup.
    /// </summary>
    public static S3Location? MediaObject(string mediaUri, Uri? storeEndpoint)
    {
        if (!S3Location.NamesObjectStore(mediaUri, storeEndpoint)) return null;
        if (!S3Location.TryParseObject(mediaUri, storeEndpoint, out var media))
            throw ServiceException.BadRequest(
                $"The value '{mediaUri}' at 'media.mediaFileUri' isn't an object URI: use s3://BUCKET/KEY, or a path-style URL of this service's object store, with a key inside the bucket.",
                "media.mediaFileUri");
        return media;
    }

    /// <summary>The object of a job's s3:// media URI exists.</summary>
    public static void CheckMediaExists(string mediaUri, bool exists)
    {
        if (!exists)
            throw ServiceException.BadRequest(
                $"The S3 URI '{mediaUri}' at 'media.mediaFileUri' can't be accessed: no such object. Upload the media first and try your request again.",
                "media.mediaFileUri");
    }

    /// <summary>A job's 'outputEncryptionKMSKeyId', when given, is a key of this service's key ring.</summary>
    public static void CheckKmsKey(string? keyId, bool inKeyRing)
    {
        if (keyId is not null && !inKeyRing)
            throw ServiceException.BadRequest(
                $"The KMS key '{keyId}' at 'outputEncryptionKMSKeyId' isn't in this service's key ring (MedGrpc:Encryption:Keys). Use one of its keys or leave the field out.",
                "outputEncryptionKMSKeyId");
    }

    /// <summary>
    /// A job's output bucket exists, and the transcript's key (from 'outputKey' and the job name) stays inside it.
    /// The member constraints of 'outputKey' are ValidateStart's; this is the one check of the key it makes.
    /// </summary>
    public static void CheckOutput(JobRequest request, bool bucketExists)
    {
        var bucket = request.OutputBucketName!;
        if (!bucketExists)
            throw ServiceException.BadRequest(
                $"The bucket '{bucket}' at 'outputBucketName' doesn't exist. Create it (a folder under the data dir's buckets/) and try your request again.",
                "outputBucketName");
        var output = OutputLocation.For(bucket, request.OutputKey, request.MedicalTranscriptionJobName);
        if (ObjectKeys.Problem(output.Key) is { } problem)
            throw ServiceException.BadRequest($"The value at 'outputKey' can't be used: {problem}", "outputKey");
    }

    /// <summary>
    /// The object a vocabulary's file URI names: s3://BUCKET/KEY or a path-style URL of the object store
    /// (<see cref="S3Location.TryParseObject(string, Uri?, out S3Location)"/>), inside its bucket. The service reads no other URL.
    /// </summary>
    public static S3Location VocabularyFileObject(string fileUri, Uri? storeEndpoint)
    {
        if (!S3Location.TryParseObject(fileUri, storeEndpoint, out var location))
            throw ServiceException.BadRequest(
                $"The value '{fileUri}' at 'vocabularyFileUri' isn't an object of this service: use s3://BUCKET/KEY or a path-style URL of this service's object store "
                + $"(https://s3.REGION.amazonaws.com/BUCKET/KEY, https://s3.amazonaws.com/BUCKET/KEY{(storeEndpoint is null ? "" : $" or {storeEndpoint.GetLeftPart(UriPartial.Path).TrimEnd('/')}/BUCKET/KEY")}), with a key inside the bucket. The service fetches no other URL.",
                "vocabularyFileUri");
        return location;
    }

    /// <summary>The object of a vocabulary's file URI exists.</summary>
    public static void CheckVocabularyFileExists(string fileUri, bool exists)
    {
        if (!exists)
            throw ServiceException.BadRequest(
                $"The S3 URI '{fileUri}' at 'vocabularyFileUri' can't be accessed: no such object. Upload the vocabulary file first and try your request again.",
                "vocabularyFileUri");
    }
}
