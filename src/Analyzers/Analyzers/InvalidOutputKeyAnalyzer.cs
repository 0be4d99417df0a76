using System;
using System.Collections.Immutable;
using MedGrpc.Analyzers.Contract;
using Microsoft.CodeAnalysis;

namespace MedGrpc.Analyzers.Analyzers;

/// <summary>MEDGRPC014: OutputKey breaking [a-zA-Z0-9-_.!*'()/]{1,1024}.</summary>
public sealed class InvalidOutputKeyAnalyzer : MemberValueAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics
        => ImmutableArray.Create(Descriptors.MEDGRPC014_InvalidOutputKey);

    protected override bool Inspects(ContractMember member) => member == ContractMember.OutputKey;

    protected override void Analyze(MemberAssignment assignment, Action<Diagnostic> report)
    {
        if (assignment.Value.String is not { } key || ContractRules.OutputKey.IsMatch(key))
            return;

        report(Diagnostic.Create(
            Descriptors.MEDGRPC014_InvalidOutputKey, assignment.ValueLocation, assignment.Member.DisplayName, Shown.Text(key)));
    }
}
