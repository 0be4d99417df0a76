using System;
using System.Collections.Immutable;
using MedGrpc.Analyzers.Contract;
using MedGrpc.Analyzers.Facts;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MedGrpc.Analyzers.Analyzers;

/// <summary>
/// Base of the rules that relate members to each other or look for missing ones. They judge the
/// <see cref="ObjectFacts"/> of a whole object, but each diagnostic is reported from the action of the operation it
/// points at (an assignment, a map initializer, the creation): the IDE analyzes only the operations in the span it
/// looks at, and a diagnostic reported from elsewhere would never reach its light bulb.
/// </summary>
public abstract class ObjectFactsAnalyzer : DiagnosticAnalyzer
{
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (ContractTypes.For(start.Compilation) is not { } contract)
                return;
            start.RegisterOperationAction(operation => AnalyzeAnchor(operation, contract), AnchorKinds);
        });
    }

    /// <summary>The kinds of operation this rule's diagnostics point at.</summary>
    protected abstract ImmutableArray<OperationKind> AnchorKinds { get; }

    /// <summary>
    /// Whether this operation of an anchor kind is worth reading the object's facts for: a rule that points at
    /// only some assignments says which, so the facts are not read again for every other one.
    /// </summary>
    protected virtual bool Anchors(IOperation operation, ContractTypes contract) => true;

    /// <summary>Which root objects this rule judges (a Settings rule: a request, or settings standing alone).</summary>
    protected abstract bool Inspects(ContractShape shape);

    /// <summary>Finds the rule's problems in <paramref name="facts"/>; report each with the operation it points at.</summary>
    protected abstract void Analyze(ObjectFacts facts, Action<IOperation, Diagnostic> report);

    private void AnalyzeAnchor(OperationAnalysisContext context, ContractTypes contract)
    {
        if (!Anchors(context.Operation, contract)
            || FactsReader.FindRoot(context.Operation, contract) is not { } root
            || !contract.TryGetShape(root.Type, out var flavor, out var shape)
            || !Inspects(shape))
        {
            return;
        }

        var anchor = context.Operation.Syntax;
        Analyze(FactsReader.Read(root, contract, flavor, shape), (at, diagnostic) =>
        {
            if (at.Syntax == anchor)
                context.ReportDiagnostic(diagnostic);
        });
    }
}
