using System;
using MedGrpc.Analyzers.Contract;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace MedGrpc.Analyzers.Analyzers;

/// <summary>
/// Base of the rules about a single member's value. Every assignment is a SimpleAssignment operation, whether in an
/// object initializer (nested ones included) or a later statement, so one operation action sees them all.
/// </summary>
public abstract class MemberValueAnalyzer : DiagnosticAnalyzer
{
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (ContractTypes.For(start.Compilation) is not { } contract)
                return;
            start.RegisterOperationAction(operation => AnalyzeAssignment(operation, contract), OperationKind.SimpleAssignment);
        });
    }

    /// <summary>Which members this rule looks at; the others are skipped before their value is read.</summary>
    protected abstract bool Inspects(ContractMember member);

    protected abstract void Analyze(MemberAssignment assignment, Action<Diagnostic> report);

    private void AnalyzeAssignment(OperationAnalysisContext context, ContractTypes contract)
    {
        var operation = (ISimpleAssignmentOperation)context.Operation;
        if (operation.Target is not IPropertyReferenceOperation target
            || !contract.TryGetMember(target.Property, out var member)
            || !Inspects(member.Member))
        {
            return;
        }

        Analyze(new MemberAssignment(operation, member, ValueReader.Read(operation.Value)), context.ReportDiagnostic);
    }
}
