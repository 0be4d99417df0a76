namespace MedGrpc.Core.Validation;

/// <summary>
/// Which specialties each operation accepts. The Specialty enum is the union (AWS's streaming set); AWS's batch jobs
/// accept PRIMARYCARE alone, its streams six. The client's analyzer holds callers to the same subsets (MEDGRPC002).
/// </summary>
public static class SpecialtyRules
{
    /// <summary>StartMedicalTranscriptionJob.</summary>
    public static readonly IReadOnlyList<string> Batch = [AwsEnums.SupportedSpecialty];

    /// <summary>StreamTranscription (AWS's StartMedicalStreamTranscription).</summary>
    public static readonly IReadOnlyList<string> Streaming = ["PRIMARYCARE", "CARDIOLOGY", "NEUROLOGY", "ONCOLOGY", "RADIOLOGY", "UROLOGY"];
}
