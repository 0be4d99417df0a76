using System;
using MedGrpc.Analyzers.Contract;
using MedGrpc.Analyzers.Facts;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace MedGrpc.Analyzers.Analyzers;

/// <summary>
/// Base of the rules that relate members to each other or look for missing ones: they run once per object creation
/// of a contract type, on the <see cref="ObjectFacts"/> of that object within its method.
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
            start.RegisterOperationAction(operation => AnalyzeCreation(operation, contract), OperationKind.ObjectCreation);
        });
    }

    /// <summary>Which object types this rule starts from (a Settings rule: Request and a standalone Settings).</summary>
    protected abstract bool Inspects(ContractShape shape);

    protected abstract void Analyze(ObjectFacts facts, Action<Diagnostic> report);

    private void AnalyzeCreation(OperationAnalysisContext context, ContractTypes contract)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (!contract.TryGetShape(creation.Type, out var flavor, out var shape)
            || !Inspects(shape)
            || !FactsReader.IsRoot(creation, contract))
        {
            return;
        }

        Analyze(FactsReader.Read(creation, contract, flavor, shape), context.ReportDiagnostic);
    }
}
