using MedGrpc.Analyzers.Contract;
using Microsoft.CodeAnalysis;

namespace MedGrpc.Analyzers.Analyzers;

/// <summary>MEDGRPC009: MaxSpeakerLabels outside 2 to 30.</summary>
public sealed class MaxSpeakerLabelsOutOfRangeAnalyzer : RangeAnalyzer
{
    public MaxSpeakerLabelsOutOfRangeAnalyzer()
        : base(ContractMember.MaxSpeakerLabels, ContractRules.MinSpeakerLabels, ContractRules.MaxSpeakerLabels, Descriptors.MEDGRPC009_MaxSpeakerLabelsOutOfRange)
    {
    }
}
