using MedGrpc.Analyzers.Contract;
using Microsoft.CodeAnalysis;

namespace MedGrpc.Analyzers.Analyzers;

/// <summary>MEDGRPC001: LanguageCode other than en-US.</summary>
public sealed class UnsupportedLanguageCodeAnalyzer : SingleSupportedValueAnalyzer
{
    public UnsupportedLanguageCodeAnalyzer()
        : base(ContractMember.LanguageCode, ContractRules.SupportedLanguageCode, Descriptors.MEDGRPC001_UnsupportedLanguageCode, required: true)
    {
    }
}
