using MedGrpc.Analyzers.Contract;
using Microsoft.CodeAnalysis;

namespace MedGrpc.Analyzers.Analyzers;

/// <summary>MEDGRPC002: a job's Specialty other than PRIMARYCARE (a stream's is MEDGRPC022's).</summary>
public sealed class UnsupportedSpecialtyAnalyzer : SingleSupportedValueAnalyzer
{
    public UnsupportedSpecialtyAnalyzer()
        : base(ContractMember.Specialty, ContractRules.SupportedSpecialty, Descriptors.MEDGRPC002_UnsupportedSpecialty, required: true, jobsOnly: true)
    {
    }
}
