using System;
using System.Collections.Immutable;
using MedGrpc.Analyzers.Contract;
using MedGrpc.Analyzers.Facts;
using Microsoft.CodeAnalysis;

namespace MedGrpc.Analyzers.Analyzers;

/// <summary>
/// Base of the rules that relate members to each other or look for missing ones. They judge the
/// <see cref="ObjectFacts"/> of a whole object, and each diagnostic is reported from the action of the operation it
/// points at (an assignment, a map initializer, the creation): see <see cref="RuleRunner"/>.
/// </summary>
public abstract class ObjectFactsAnalyzer : RuleAnalyzer
{
    /// <summary>The kinds of operation this rule's diagnostics point at.</summary>
    protected abstract ImmutableArray<OperationKind> AnchorKinds { get; }

    /// <summary>
    /// Whether this operation of an anchor kind is worth reading the object's facts for: a rule that points at
    /// only some assignments says which, so the facts are not read for every other one.
    /// </summary>
    protected virtual bool Anchors(IOperation operation, ContractTypes contract) => true;

    /// <summary>Which root objects this rule judges (a Settings rule: a request, or settings standing alone).</summary>
    protected abstract bool Inspects(ContractShape shape);

    /// <summary>Finds the rule's problems in <paramref name="facts"/>; report each with the operation it points at.</summary>
    protected abstract void Analyze(ObjectFacts facts, Action<IOperation, Diagnostic> report);

    internal sealed override ImmutableArray<OperationKind> ObjectAnchorKinds => AnchorKinds;

    internal sealed override bool AnchorsAt(IOperation operation, ContractTypes contract) => Anchors(operation, contract);

    internal sealed override bool InspectsObject(ContractShape shape) => Inspects(shape);

    internal sealed override void AnalyzeObject(ObjectFacts facts, Action<IOperation, Diagnostic> report) => Analyze(facts, report);
}
