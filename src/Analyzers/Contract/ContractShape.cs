namespace MedGrpc.Analyzers.Contract;

/// <summary>The message types of a StartMedicalTranscriptionJob request that the rules look into.</summary>
public enum ContractShape
{
    Request,
    Media,
    Settings,
    Tag,
}
