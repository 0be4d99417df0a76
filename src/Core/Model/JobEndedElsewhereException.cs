namespace MedGrpc.Core.Model;

/// <summary>
/// The job ended (or was deleted) while this worker still ran it: another worker finished it first
/// after this one lost its lease. This worker's result is dropped, so the job keeps one end.
/// </summary>
public sealed class JobEndedElsewhereException(string jobName)
    : Exception($"The job '{jobName}' has ended already; this version of it is dropped.")
{
    public string JobName { get; } = jobName;
}
