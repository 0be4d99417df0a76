using System;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using MedGrpc.Analyzers.Contract;
using MedGrpc.Analyzers.Facts;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

// The rules carry no [DiagnosticAnalyzer]: the compiler would run each of them besides ContractAnalyzer, which runs them all.
[assembly: SuppressMessage("MicrosoftCodeAnalysisCorrectness", "RS1001:Missing diagnostic analyzer attribute",
    Justification = "Rules are run by ContractAnalyzer", Scope = "namespaceanddescendants", Target = "~N:MedGrpc.Analyzers.Analyzers")]

namespace MedGrpc.Analyzers.Analyzers;

/// <summary>
/// Base of every MEDGRPC rule, one rule per file. Each rule is an analyzer of its own, so it can be run and tested
/// alone, but a build runs them all through <see cref="ContractAnalyzer"/>: one action per operation for every rule,
/// with the operation's member, value and object read once. (With each of the 21 rules registering its own actions
/// and reading the object again, the rules cost a fifth of a build; see docs/benchmarks.md.)
/// A rule looks at one member's value (<see cref="MemberValueAnalyzer"/>), at a whole object
/// (<see cref="ObjectFactsAnalyzer"/>), or at both.
/// </summary>
public abstract class RuleAnalyzer : DiagnosticAnalyzer
{
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        RuleRunner.Register(context, ImmutableArray.Create(this));
    }

    /// <summary>Whether this rule judges the value assigned to <paramref name="member"/>.</summary>
    internal virtual bool InspectsValueOf(ContractMember member) => false;

    /// <summary>Judges one assignment to a member <see cref="InspectsValueOf"/> accepted.</summary>
    internal virtual void AnalyzeValue(MemberAssignment assignment, Action<Diagnostic> report)
    {
    }

    /// <summary>The kinds of operation this rule's object diagnostics point at; none for a value-only rule.</summary>
    internal virtual ImmutableArray<OperationKind> ObjectAnchorKinds => ImmutableArray<OperationKind>.Empty;

    /// <summary>Whether this operation of an anchor kind is one the rule's diagnostics may point at (a cheap test first).</summary>
    internal virtual bool AnchorsAt(IOperation operation, ContractTypes contract) => true;

    /// <summary>Which root objects this rule judges (a Settings rule: a request, or settings standing alone).</summary>
    internal virtual bool InspectsObject(ContractShape shape) => false;

    /// <summary>Finds the rule's problems in a whole object; each is reported with the operation it points at.</summary>
    internal virtual void AnalyzeObject(ObjectFacts facts, Action<IOperation, Diagnostic> report)
    {
    }
}
