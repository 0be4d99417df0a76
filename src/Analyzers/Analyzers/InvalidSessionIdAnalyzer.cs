using System;
using System.Collections.Immutable;
using MedGrpc.Analyzers.Contract;
using Microsoft.CodeAnalysis;

namespace MedGrpc.Analyzers.Analyzers;

/// <summary>MEDGRPC026: a stream's SessionId that is not a UUID.</summary>
public sealed class InvalidSessionIdAnalyzer : MemberValueAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics
        => ImmutableArray.Create(Descriptors.MEDGRPC026_InvalidSessionId);

    protected override bool Inspects(ContractMember member) => member == ContractMember.SessionId;

    protected override void Analyze(MemberAssignment assignment, Action<Diagnostic> report)
    {
        if (assignment.Value.String is not { } id || ContractRules.SessionId.IsMatch(id))
            return;

        report(Diagnostic.Create(
            Descriptors.MEDGRPC026_InvalidSessionId, assignment.ValueLocation, assignment.Member.DisplayName, Shown.Text(id)));
    }
}
