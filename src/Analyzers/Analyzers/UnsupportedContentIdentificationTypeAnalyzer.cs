using MedGrpc.Analyzers.Contract;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MedGrpc.Analyzers.Analyzers;

/// <summary>MEDGRPC003: ContentIdentificationType other than PHI.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnsupportedContentIdentificationTypeAnalyzer : SingleSupportedValueAnalyzer
{
    public UnsupportedContentIdentificationTypeAnalyzer()
        : base(
            ContractMember.ContentIdentificationType,
            ContractRules.SupportedContentIdentificationType,
            Descriptors.MEDGRPC003_UnsupportedContentIdentificationType)
    {
    }
}
