using MedGrpc.Service.Jobs;

namespace MedGrpc.Service.Storage;

/// <summary>Where job records live. Embedded: SQLite; scale-out: PostgreSQL. Every write is durable before it returns.</summary>
public interface IJobStore
{
    /// <summary>Adds a new job; false when a job of that name exists already.</summary>
    Task<bool> TryInsertAsync(Job job, CancellationToken ct);

    Task<Job?> GetAsync(string name, CancellationToken ct);

    /// <summary>
    /// Replaces the stored version of the job; false when the stored job has ended already (COMPLETED
    /// or FAILED) or is gone: a job's end is written once, by whichever worker gets there first.
    /// </summary>
    Task<bool> UpdateAsync(Job job, CancellationToken ct);

    /// <summary>Jobs newest first, filtered and paged as ListMedicalTranscriptionJobs asks.</summary>
    Task<JobPage> ListAsync(JobQuery query, CancellationToken ct);

    Task<bool> DeleteAsync(string name, CancellationToken ct);

    /// <summary>How many jobs are QUEUED or IN_PROGRESS.</summary>
    Task<int> CountUnfinishedAsync(CancellationToken ct);

    /// <summary>Deletes the COMPLETED and FAILED jobs created before the cutoff; returns their names.</summary>
    Task<IReadOnlyList<string>> DeleteEndedBeforeAsync(DateTimeOffset cutoff, CancellationToken ct);

    /// <summary>Jobs that were QUEUED or IN_PROGRESS, oldest first: the work a restart must pick up.</summary>
    Task<IReadOnlyList<Job>> ListUnfinishedAsync(CancellationToken ct);
}
