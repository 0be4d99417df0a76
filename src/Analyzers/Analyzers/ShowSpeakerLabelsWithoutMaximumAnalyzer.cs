using MedGrpc.Analyzers.Contract;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MedGrpc.Analyzers.Analyzers;

/// <summary>MEDGRPC005: ShowSpeakerLabels true without MaxSpeakerLabels.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ShowSpeakerLabelsWithoutMaximumAnalyzer : FlagWithoutMaximumAnalyzer
{
    public ShowSpeakerLabelsWithoutMaximumAnalyzer()
        : base(ContractMember.ShowSpeakerLabels, ContractMember.MaxSpeakerLabels, Descriptors.MEDGRPC005_ShowSpeakerLabelsWithoutMaximum)
    {
    }
}
