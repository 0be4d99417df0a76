using MedGrpc.Analyzers.Contract;
using Microsoft.CodeAnalysis;

namespace MedGrpc.Analyzers.Analyzers;

/// <summary>MEDGRPC005: ShowSpeakerLabels true without MaxSpeakerLabels.</summary>
public sealed class ShowSpeakerLabelsWithoutMaximumAnalyzer : FlagWithoutMaximumAnalyzer
{
    public ShowSpeakerLabelsWithoutMaximumAnalyzer()
        : base(ContractMember.ShowSpeakerLabels, ContractMember.MaxSpeakerLabels, Descriptors.MEDGRPC005_ShowSpeakerLabelsWithoutMaximum)
    {
    }
}
