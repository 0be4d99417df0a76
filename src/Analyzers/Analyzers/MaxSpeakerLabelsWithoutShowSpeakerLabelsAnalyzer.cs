using MedGrpc.Analyzers.Contract;
using Microsoft.CodeAnalysis;

namespace MedGrpc.Analyzers.Analyzers;

/// <summary>MEDGRPC006: MaxSpeakerLabels set without ShowSpeakerLabels true.</summary>
public sealed class MaxSpeakerLabelsWithoutShowSpeakerLabelsAnalyzer : MaximumWithoutFlagAnalyzer
{
    public MaxSpeakerLabelsWithoutShowSpeakerLabelsAnalyzer()
        : base(ContractMember.MaxSpeakerLabels, ContractMember.ShowSpeakerLabels, Descriptors.MEDGRPC006_MaxSpeakerLabelsWithoutShowSpeakerLabels)
    {
    }
}
