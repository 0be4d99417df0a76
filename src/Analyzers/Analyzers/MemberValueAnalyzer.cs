using System;
using MedGrpc.Analyzers.Contract;
using Microsoft.CodeAnalysis;

namespace MedGrpc.Analyzers.Analyzers;

/// <summary>
/// Base of the rules about a single member's value. Every assignment is a SimpleAssignment operation, whether in an
/// object initializer (nested ones included) or a later statement, so one operation action sees them all.
/// </summary>
public abstract class MemberValueAnalyzer : RuleAnalyzer
{
    /// <summary>Which members this rule looks at; the others are skipped before their value is read.</summary>
    protected abstract bool Inspects(ContractMember member);

    protected abstract void Analyze(MemberAssignment assignment, Action<Diagnostic> report);

    internal sealed override bool InspectsValueOf(ContractMember member) => Inspects(member);

    internal sealed override void AnalyzeValue(MemberAssignment assignment, Action<Diagnostic> report) => Analyze(assignment, report);
}
