using MedGrpc.Analyzers.Contract;
using Microsoft.CodeAnalysis;

namespace MedGrpc.Analyzers.Analyzers;

/// <summary>MEDGRPC003: ContentIdentificationType other than PHI.</summary>
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
