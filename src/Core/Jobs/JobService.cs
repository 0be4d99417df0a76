using MedGrpc.Core.Errors;
using MedGrpc.Core.Model;
using MedGrpc.Core.Options;
using MedGrpc.Core.Paging;
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
    KeyRing keys,
    PageTokens pageTokens)
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

    public async Task<JobPage> ListAsync(string accountId, JobQuery query, CancellationToken ct)
    {
        RequestValidator.ValidateList(query);
        var scope = PageScope.Of(accountId, query);
        var page = await store.ListAsync(accountId, query, await pageTokens.ReadAsync(query.NextToken, scope, ct), ct);
        return new JobPage(page.Items, await pageTokens.IssueAsync(page.Next, scope, ct));
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

    /// <summary>
    /// What the request points at must exist before a job does (AWS checks these at Start too): this looks the facts
    /// up; the rules and their errors are <see cref="RequestValidator"/>'s (Validation/ReferenceRules.cs).
    /// </summary>
    private async Task CheckReferencesAsync(string accountId, JobRequest request, CancellationToken ct)
    {
        if (request.Settings.VocabularyName is { } name)
            RequestValidator.CheckVocabularyReference(name, await vocabularies.GetAsync(new ResourceKey(accountId, name), ct));

        var mediaUri = request.MediaFileUri!;
        if (RequestValidator.MediaObject(mediaUri, objects.Endpoint) is { } media)
            RequestValidator.CheckMediaExists(mediaUri, await objects.GetSizeAsync(media, ct) is not null);

        if (request.OutputEncryptionKmsKeyId is { } keyId)
            RequestValidator.CheckKmsKey(keyId, keys.Contains(keyId));

        RequestValidator.CheckOutput(request, await objects.BucketExistsAsync(request.OutputBucketName!, ct));
    }
}
