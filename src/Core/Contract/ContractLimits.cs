namespace MedGrpc.Core.Contract;

/// <summary>
/// The numbers of CONTRACT.md that a request is checked against. One source: the service's
/// validator and media rules read them here, and the client's analyzer compiles this very file
/// (linked, so the analyzer stays netstandard2.0 with no dependencies). Keep it free of any
/// reference beyond the base library.
/// </summary>
internal static class ContractLimits
{
    public const int MinSampleRate = 16000;
    public const int MaxSampleRate = 48000;
    public const int MinSpeakerLabels = 2;
    public const int MaxSpeakerLabels = 30;
    public const int MinAlternatives = 2;
    public const int MaxAlternatives = 10;
}
