using MedGrpc.Analyzers.Contract;
using Microsoft.CodeAnalysis;

namespace MedGrpc.Analyzers.Analyzers;

/// <summary>MEDGRPC002: Specialty other than PRIMARYCARE.</summary>
public sealed class UnsupportedSpecialtyAnalyzer : SingleSupportedValueAnalyzer
{
    public UnsupportedSpecialtyAnalyzer()
        : base(ContractMember.Specialty, ContractRules.SupportedSpecialty, Descriptors.MEDGRPC002_UnsupportedSpecialty, required: true)
    {
    }
}
