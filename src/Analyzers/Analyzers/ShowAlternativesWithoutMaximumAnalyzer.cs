using MedGrpc.Analyzers.Contract;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MedGrpc.Analyzers.Analyzers;

/// <summary>MEDGRPC007: ShowAlternatives true without MaxAlternatives.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ShowAlternativesWithoutMaximumAnalyzer : FlagWithoutMaximumAnalyzer
{
    public ShowAlternativesWithoutMaximumAnalyzer()
        : base(ContractMember.ShowAlternatives, ContractMember.MaxAlternatives, Descriptors.MEDGRPC007_ShowAlternativesWithoutMaximum)
    {
    }
}
