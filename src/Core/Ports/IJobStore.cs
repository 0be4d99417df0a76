using MedGrpc.Core.Model;
using MedGrpc.Core.Resources;

namespace MedGrpc.Core.Ports;

/// <summary>Where job records live. Embedded: SQLite; scale-out: PostgreSQL. Every write is durable before it returns.</summary>
public interface IJobStore
{
    /// <summary>Adds a new job; false when the account has a job of that name already.</summary>
    Task<bool> TryInsertAsync(Job job, CancellationToken ct);

    Task<Job?> GetAsync(ResourceKey job, CancellationToken ct);

    /// <summary>
    /// Replaces the stored version of the job; false when the stored job has ended already (COMPLETED
    /// or FAILED) or is gone: a job's end is written once, by whichever worker gets there first.
    /// </summary>
    Task<bool> UpdateAsync(Job job, CancellationToken ct);

    /// <summary>
    /// The account's jobs newest first, filtered as ListMedicalTranscriptionJobs asks, MaxResults of them after the
    /// cursor (from the start when null). The query's NextToken is the service's to read, not the store's.
    /// </summary>
    Task<StoredPage<Job>> ListAsync(string accountId, JobQuery query, PageCursor? after, CancellationToken ct);

    Task<bool> DeleteAsync(ResourceKey job, CancellationToken ct);

    /// <summary>How many jobs of all accounts are QUEUED or IN_PROGRESS: the service's backlog.</summary>
    Task<int> CountUnfinishedAsync(CancellationToken ct);

    /// <summary>How many jobs of all accounts are in each status (AWS's names); statuses without jobs are left out.</summary>
    Task<IReadOnlyDictionary<string, int>> CountByStatusAsync(CancellationToken ct);

    /// <summary>Deletes the COMPLETED and FAILED jobs of all accounts created before the cutoff; returns which.</summary>
    Task<IReadOnlyList<ResourceKey>> DeleteEndedBeforeAsync(DateTimeOffset cutoff, CancellationToken ct);

    /// <summary>Jobs of all accounts that were QUEUED or IN_PROGRESS, oldest first: the work a restart must pick up.</summary>
    Task<IReadOnlyList<Job>> ListUnfinishedAsync(CancellationToken ct);
}
