using System;
using System.Collections.Immutable;
using MedGrpc.Analyzers.Contract;
using Microsoft.CodeAnalysis;

namespace MedGrpc.Analyzers.Analyzers;

/// <summary>MEDGRPC011: a job or vocabulary name that is not 1 to 200 characters of [0-9a-zA-Z._-].</summary>
public sealed class InvalidNameAnalyzer : MemberValueAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics
        => ImmutableArray.Create(Descriptors.MEDGRPC011_InvalidName);

    protected override bool Inspects(ContractMember member)
        => member is ContractMember.MedicalTranscriptionJobName or ContractMember.VocabularyName;

    protected override void Analyze(MemberAssignment assignment, Action<Diagnostic> report)
    {
        if (assignment.Value.String is not { } name
            || (name.Length <= ContractRules.MaxNameLength && ContractRules.Name.IsMatch(name)))
        {
            return;
        }

        report(Diagnostic.Create(
            Descriptors.MEDGRPC011_InvalidName, assignment.ValueLocation, assignment.Member.DisplayName, Shown.Text(name)));
    }
}
