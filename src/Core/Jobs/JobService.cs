using MedGrpc.Core.Errors;
using MedGrpc.Core.Model;
using MedGrpc.Core.Options;
using MedGrpc.Core.Ports;
using MedGrpc.Core.Resources;
using MedGrpc.Core.Transcripts;
using MedGrpc.Core.Validation;
using Microsoft.Extensions.Options;

namespace MedGrpc.Core.Jobs;

/// <summary>The job operations of the API: Start, Get, List, Delete.</summary>
public sealed class JobService(
    IJobStore store,
    IObjectStore objects,
    IVocabularyStore vocabularies,
    ITagStore tags,
    ResourceArns arns,
    JobLifecycle lifecycle,
    IJobQueue queue,
    IOptions<MedGrpcOptions> options,
    KeyRing keys)
{
    public async Task<Job> StartAsync(string accountId, JobRequest request, CancellationToken ct)
    {
        RequestValidator.ValidateStart(request);
        await CheckReferencesAsync(accountId, request, ct);
        await CheckCapacityAsync(ct);
        var job = await lifecycle.CreateAsync(accountId, request, ct);
        if (request.Tags is { Count: > 0 }) await tags.SetAsync(arns.Job(job.Key), request.Tags, ct);
        queue.Enqueue(job.Key);
        return job;
    }

    /// <summary>The account's job of that name; another account's job of the same name is not found.</summary>
    public async Task<Job> GetAsync(ResourceKey key, CancellationToken ct)
    {
        RequestValidator.ValidateJobName(key.Name);
        var job = await store.GetAsync(key, ct) ?? throw ServiceException.JobNotFound();
        // The job's tags are what TagResource and UntagResource made of the ones it started with.
        var current = await tags.ListAsync(arns.Job(key), ct);
        return job with { Request = job.Request with { Tags = current.Count > 0 ? current : null } };
    }

    public Task<JobPage> ListAsync(string accountId, JobQuery query, CancellationToken ct)
    {
        RequestValidator.ValidateList(query);
        return store.ListAsync(accountId, query, ct);
    }

    public async Task DeleteAsync(ResourceKey key, CancellationToken ct)
    {
        var name = key.Name;
        var job = await GetAsync(key, ct);
        // AWS: an entity in a non-terminal state can't be deleted.
        if (!job.Status.IsTerminal())
            throw ServiceException.BadRequest(
                $"The job '{name}' is {job.Status.ToAws()}: only a COMPLETED or FAILED job can be deleted. Wait for it to finish.",
                "medicalTranscriptionJobName");
        await store.DeleteAsync(key, ct);
        await tags.RemoveAllAsync(arns.Job(key), ct);
    }

    /// <summary>
    /// The running jobs and the queue behind them are bounded, as on AWS. The bound is the service's, over
    /// all accounts: it protects the machines, which the accounts share. Two Starts at the same moment
    /// may both pass the count: the cap is a bound on the backlog, not an exact number.
    /// </summary>
    private async Task CheckCapacityAsync(CancellationToken ct)
    {
        var limits = options.Value.Limits;
        var capacity = (long)limits.MaxConcurrentJobs + limits.MaxQueuedJobs;
        if (await store.CountUnfinishedAsync(ct) >= capacity)
            throw new ServiceException(AwsError.LimitExceededException,
                $"There are already {capacity} jobs running or queued ({limits.MaxConcurrentJobs} running at most, {limits.MaxQueuedJobs} waiting). Wait for some to finish and try your request again.");
    }

    /// <summary>What the request points at must exist before a job does (AWS checks these at Start too).</summary>
    private async Task CheckReferencesAsync(string accountId, JobRequest request, CancellationToken ct)
    {
        if (request.Settings.VocabularyName is { } name)
        {
            var vocabulary = await vocabularies.GetAsync(new ResourceKey(accountId, name), ct);
            if (vocabulary is null)
                throw ServiceException.BadRequest(
                    $"The vocabulary '{name}' at 'settings.vocabularyName' couldn't be found. Check the vocabulary name and try your request again.",
                    "settings.vocabularyName");
            if (vocabulary.State != VocabularyState.Ready)
                throw ServiceException.BadRequest(
                    $"The vocabulary '{name}' at 'settings.vocabularyName' is {vocabulary.State.ToAws()}: only a READY vocabulary can be used."
                    + (vocabulary.State == VocabularyState.Pending ? " Wait until it is READY and try your request again." : $" Fix its file and update it: {vocabulary.FailureReason}"),
                    "settings.vocabularyName");
        }

        var mediaUri = request.MediaFileUri!;
        if (mediaUri.StartsWith(S3Location.Scheme, StringComparison.Ordinal))
        {
            if (!S3Location.TryParseObject(mediaUri, out var media))
                throw ServiceException.BadRequest(
                    $"The value '{mediaUri}' at 'media.mediaFileUri' isn't an object URI: use s3://BUCKET/KEY with a key inside the bucket.",
                    "media.mediaFileUri");
            if (await objects.GetSizeAsync(media, ct) is null)
                throw ServiceException.BadRequest(
                    $"The S3 URI '{mediaUri}' at 'media.mediaFileUri' can't be accessed: no such object. Upload the media first and try your request again.",
                    "media.mediaFileUri");
        }

        if (request.OutputEncryptionKmsKeyId is { } keyId && !keys.Contains(keyId))
            throw ServiceException.BadRequest(
                $"The KMS key '{keyId}' at 'outputEncryptionKMSKeyId' isn't in this service's key ring (MedGrpc:Encryption:Keys). Use one of its keys or leave the field out.",
                "outputEncryptionKMSKeyId");

        var bucket = request.OutputBucketName!;
        if (!await objects.BucketExistsAsync(bucket, ct))
            throw ServiceException.BadRequest(
                $"The bucket '{bucket}' at 'outputBucketName' doesn't exist. Create it (a folder under the data dir's buckets/) and try your request again.",
                "outputBucketName");
        var output = OutputLocation.For(bucket, request.OutputKey, request.MedicalTranscriptionJobName);
        if (ObjectKeys.Problem(output.Key) is { } problem)
            throw ServiceException.BadRequest($"The value at 'outputKey' can't be used: {problem}", "outputKey");
    }
}
