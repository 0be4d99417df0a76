namespace MedGrpc.Core.Model;

/// <summary>ListMedicalTranscriptionJobs in AWS terms; Status holds the AWS value or null.</summary>
public sealed record JobQuery(string? Status, string? JobNameContains, string? NextToken, int? MaxResults)
{
    public const int DefaultMaxResults = 5;
}

/// <summary>One page of jobs, newest first, and the opaque token of the next page.</summary>
public sealed record JobPage(IReadOnlyList<Job> Jobs, string? NextToken);
