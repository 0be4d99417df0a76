using MedGrpc.Analyzers.Contract;
using Microsoft.CodeAnalysis;

namespace MedGrpc.Analyzers.Analyzers;

/// <summary>MEDGRPC010: MaxAlternatives outside 2 to 10.</summary>
public sealed class MaxAlternativesOutOfRangeAnalyzer : RangeAnalyzer
{
    public MaxAlternativesOutOfRangeAnalyzer()
        : base(ContractMember.MaxAlternatives, ContractRules.MinAlternatives, ContractRules.MaxAlternatives, Descriptors.MEDGRPC010_MaxAlternativesOutOfRange)
    {
    }
}
