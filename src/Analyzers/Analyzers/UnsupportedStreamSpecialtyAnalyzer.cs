using MedGrpc.Analyzers.Contract;
using Microsoft.CodeAnalysis;

namespace MedGrpc.Analyzers.Analyzers;

/// <summary>MEDGRPC022: a stream's Specialty outside the six it accepts (the validator's SpecialtyRules.Streaming; a job's is MEDGRPC002).</summary>
public sealed class UnsupportedStreamSpecialtyAnalyzer : StreamEnumAnalyzer
{
    public UnsupportedStreamSpecialtyAnalyzer()
        : base(ContractMember.Specialty, ContractRules.StreamingSpecialties, Descriptors.MEDGRPC022_UnsupportedStreamSpecialty)
    {
    }
}
