using MedGrpc.Analyzers.Contract;
using Microsoft.CodeAnalysis;

namespace MedGrpc.Analyzers.Analyzers;

/// <summary>MEDGRPC007: ShowAlternatives true without MaxAlternatives.</summary>
public sealed class ShowAlternativesWithoutMaximumAnalyzer : FlagWithoutMaximumAnalyzer
{
    public ShowAlternativesWithoutMaximumAnalyzer()
        : base(ContractMember.ShowAlternatives, ContractMember.MaxAlternatives, Descriptors.MEDGRPC007_ShowAlternativesWithoutMaximum)
    {
    }
}
