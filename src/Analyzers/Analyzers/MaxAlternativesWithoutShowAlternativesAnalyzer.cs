using MedGrpc.Analyzers.Contract;
using Microsoft.CodeAnalysis;

namespace MedGrpc.Analyzers.Analyzers;

/// <summary>MEDGRPC008: MaxAlternatives set without ShowAlternatives true.</summary>
public sealed class MaxAlternativesWithoutShowAlternativesAnalyzer : MaximumWithoutFlagAnalyzer
{
    public MaxAlternativesWithoutShowAlternativesAnalyzer()
        : base(ContractMember.MaxAlternatives, ContractMember.ShowAlternatives, Descriptors.MEDGRPC008_MaxAlternativesWithoutShowAlternatives)
    {
    }
}
