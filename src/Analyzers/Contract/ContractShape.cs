namespace MedGrpc.Analyzers.Contract;

/// <summary>The message types of a StartMedicalTranscriptionJob request, and a stream's settings, that the rules look into.</summary>
public enum ContractShape
{
    Request,
    Media,
    Settings,
    Tag,

    /// <summary>StreamTranscription's settings (the first message of a stream): a root of its own.</summary>
    StreamSettings,
}
