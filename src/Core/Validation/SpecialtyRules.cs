namespace MedGrpc.Core.Validation;

/// <summary>
/// Which specialties each operation accepts. The Specialty enum is the union (AWS's streaming set); AWS's batch jobs
/// accept PRIMARYCARE alone, its streams six. The lists are ContractLimits', which the client's analyzer compiles too
/// and holds callers to (MEDGRPC002 for jobs, MEDGRPC022 for streams).
/// </summary>
public static class SpecialtyRules
{
    /// <summary>StartMedicalTranscriptionJob.</summary>
    public static readonly IReadOnlyList<string> Batch = Contract.ContractLimits.BatchSpecialties;

    /// <summary>StreamTranscription (AWS's StartMedicalStreamTranscription).</summary>
    public static readonly IReadOnlyList<string> Streaming = Contract.ContractLimits.StreamingSpecialties;
}
